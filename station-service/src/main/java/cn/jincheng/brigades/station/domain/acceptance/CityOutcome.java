package cn.jincheng.brigades.station.domain.acceptance;

/** The city's judgement of one county's acceptance work: 通过, 不通过, 退回整改. */
public enum CityOutcome {
    ACCEPTED,
    NOT_ACCEPTED,
    RETURNED_FOR_REWORK
}
