package cn.jincheng.brigades.staffing.domain.rules;

public enum RuleKind {
    /** active full-time firefighters ≥ min */
    HEADCOUNT,
    /** county finance ≥ rate × max(required headcount, actual headcount) */
    FUNDING_PER_HEAD
}
