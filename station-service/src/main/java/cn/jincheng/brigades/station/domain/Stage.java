package cn.jincheng.brigades.station.domain;

/** Who inspects: the county on site, brigade by brigade; then the city checks the county's work. */
public enum Stage {
    COUNTY,
    CITY
}
