package cn.jincheng.brigades.station.domain.acceptance;

/**
 * A grade of the annual fire-work assessment (年度消防工作考核): 优秀, 良好, 合格, 不合格. The plan
 * names the assessment but not its grades; these names are our reading.
 */
public enum AssessmentGrade {
    EXCELLENT,
    GOOD,
    PASS,
    FAIL
}
