package cn.jincheng.brigades.staffing.domain.roster;

/** How a full-time firefighter is employed; all three count toward the headcount. */
public enum Employment {
    LABOUR_DISPATCH,
    CONTRACT,
    CAREER
}
