package cn.jincheng.brigades.station.domain;

public enum Result {
    PASS,
    FAIL
}
