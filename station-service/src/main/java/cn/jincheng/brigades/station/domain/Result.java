package cn.jincheng.brigades.station.acceptance;

public enum Result {
    PASS,
    FAIL
}
