package cn.jincheng.brigades.station.domain;

/** Class of a township full-time brigade (GB/T 35547-2017). */
public enum BrigadeLevel {
    LEVEL_ONE,
    LEVEL_TWO
}
