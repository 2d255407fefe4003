package cn.jincheng.brigades.staffing.domain.compliance;

import java.util.List;

/** A county's firefighter budget for a year under one version of the rules ({@code rules}: its reference). */
public record CountyBudget(String countyId, int year, String rules, List<BudgetLine> brigades) {

    public CountyBudget {
        brigades = List.copyOf(brigades);
    }

    public long allocatedYuan() {
        return brigades.stream().mapToLong(BudgetLine::allocatedYuan).sum();
    }

    public long requiredYuan() {
        return brigades.stream().mapToLong(BudgetLine::requiredYuan).sum();
    }

    /** The sum of the brigades' shortfalls: one brigade's surplus does not cover another's gap. */
    public long shortfallYuan() {
        return brigades.stream().mapToLong(BudgetLine::shortfallYuan).sum();
    }
}
