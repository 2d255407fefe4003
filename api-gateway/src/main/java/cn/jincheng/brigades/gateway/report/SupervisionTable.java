package cn.jincheng.brigades.gateway.report;

import java.util.List;
import java.util.Map;

/**
 * The supervision list as the table the city's "13710" supervision office takes: Chinese headings,
 * one line per overdue milestone, the same cells in CSV and XLSX.
 */
public final class SupervisionTable {

    public static final List<String> HEADERS = List.of("县(市、区)", "乡镇", "督办事项", "应完成日期", "超期天数",
            "责任单位", "状态");

    private static final Map<String, String> STATUS = Map.of("PENDING", "未开始", "SUBMITTED", "已提交待审核",
            "REJECTED", "已退回", "ACCEPTED", "已通过");

    private SupervisionTable() {
    }

    public static List<String> cells(SupervisionRow r) {
        return SpreadsheetCells.safe(r.countyName(), r.town(), r.task(), r.dueDate().toString(),
                Integer.toString(r.daysOverdue()), r.responsibleParty(), r.statusText());
    }

    /**
     * Who answers for an overdue milestone: the government of the brigade's county, named after the
     * county ("阳城县" → "阳城县人民政府"). This is our reading, not a list from the plan: the plan makes
     * each county responsible for its towns and puts the work into the counties' government target
     * responsibilities, but names no responsible unit per task.
     */
    public static String responsibleParty(String countyName) {
        return countyName == null || countyName.isBlank() ? "" : countyName + "人民政府";
    }

    /** The plan writes milestone names as "中文 (English)": the Chinese half (a name without one stays whole). */
    public static String chinese(String name) {
        if (name == null) {
            return "";
        }
        int open = name.lastIndexOf(" (");
        return open > 0 && name.endsWith(")") ? name.substring(0, open) : name;
    }

    /** A milestone status in Chinese; an unknown code stays as it is. */
    public static String status(String code) {
        return STATUS.getOrDefault(code, code);
    }
}
