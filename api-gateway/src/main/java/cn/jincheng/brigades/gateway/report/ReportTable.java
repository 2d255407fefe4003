package cn.jincheng.brigades.gateway.report;

import java.util.List;

/**
 * The report as a table: the same columns and cells for CSV and XLSX, so the two files carry the
 * same table. Headers are Chinese (the people who open the files read Chinese) with the contract's
 * field name in brackets; cells keep the contract's codes so that scripts can read them too.
 */
public final class ReportTable {

    public static final List<String> BRIGADE_HEADERS = List.of("队站编号 (id)", "县(市、区) (county)", "县(市、区)名称",
            "乡镇 (town)", "等级 (level)", "建设形式 (constructionMode)", "是否达标 (compliant)", "未达标项 (failingChecks)",
            "县级验收 (latestCounty)", "县级验收人", "市级验收 (latestCity)", "市级验收人", "破格通过 (overridden)",
            "验收结果 (outcome)", "说明 (problem)", "佐证材料数 (evidence)", "佐证材料链接 (evidenceUrl)");

    public static final List<String> COUNTY_HEADERS = List.of("县(市、区) (id)", "名称 (name)", "队站数 (total)",
            "通过 (accepted)", "未通过 (rejected)", "待验收 (pending)", "暂不建设 (deferred)", "无法评估 (unavailable)");

    private ReportTable() {
    }

    public static List<String> cells(ReportRow r) {
        return safe(r.id(), r.county(), r.countyName(), r.town(), r.level(), r.constructionMode(),
                r.compliant() == null ? "" : r.compliant().toString(), String.join(";", r.failingChecks()),
                r.latestCounty() == null ? "" : r.latestCounty().result(),
                r.latestCounty() == null ? "" : r.latestCounty().inspector(),
                r.latestCity() == null ? "" : r.latestCity().result(),
                r.latestCity() == null ? "" : r.latestCity().inspector(), Boolean.toString(r.overridden()), r.outcome(),
                r.problem() == null ? "" : r.problem(),
                r.evidence() == null ? "" : Long.toString(r.evidence().count()),
                r.evidence() == null ? "" : r.evidence().url());
    }

    private static List<String> safe(String... cells) {
        return SpreadsheetCells.safe(cells);
    }

    public static List<String> cells(CountyTotals.County c) {
        return List.of(c.id(), c.name(), Integer.toString(c.total()), Integer.toString(c.accepted()),
                Integer.toString(c.rejected()), Integer.toString(c.pending()), Integer.toString(c.deferred()),
                Integer.toString(c.unavailable()));
    }

    /** The county section (县级验收): the city's outcome per county with the annual assessment. */
    public static final List<String> COUNTY_ACCEPTANCE_HEADERS = List.of("县(市、区) (id)", "名称 (name)",
            "队站数 (brigadesTotal)", "市级验收通过 (brigadesAccepted)", "未通过 (brigadesFailed)",
            "待市级验收 (brigadesAwaitingCity)", "未验收 (brigadesNotInspected)", "暂缓 (brigadesDeferred)",
            "市级验收结果 (cityOutcome)", "市级意见 (cityOutcomeNote)", "考核年度 (assessmentYear)",
            "考核得分 (assessmentScore)", "考核等级 (assessmentGrade)", "县级总结 (summary)", "长效机制 (longTermMechanism)");

    public static List<String> cells(CountyAcceptanceRow c) {
        return safe(c.id(), c.name(), Integer.toString(c.brigadesTotal()), Integer.toString(c.brigadesAccepted()),
                Integer.toString(c.brigadesFailed()), Integer.toString(c.brigadesAwaitingCity()),
                Integer.toString(c.brigadesNotInspected()), Integer.toString(c.brigadesDeferred()),
                c.cityOutcome() == null ? "" : c.cityOutcome(), c.cityOutcomeNote(),
                c.assessmentYear() == null ? "" : c.assessmentYear().toString(),
                c.assessmentScore() == null ? "" : score(c.assessmentScore()),
                c.assessmentGrade() == null ? "" : c.assessmentGrade(), c.summary(), c.longTermMechanism());
    }

    private static String score(double s) {
        return s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s);
    }
}
