package cn.jincheng.brigades.gateway.report;

import java.time.LocalDate;

/**
 * One overdue milestone as the "13710" supervision export carries it: the JSON feed's item (English
 * keys) and one line of the CSV and XLSX files (Chinese headings, {@link SupervisionTable}).
 *
 * @param task             the milestone in Chinese (the plan's "中文 (English)" name, Chinese half)
 * @param responsibleParty the county government of the brigade ({@link SupervisionTable#responsibleParty})
 * @param status           the milestone's status code (PENDING, SUBMITTED, REJECTED)
 * @param statusText       the same in Chinese
 */
public record SupervisionRow(String county, String countyName, String town, String brigadeId, String milestoneId,
        String task, LocalDate dueDate, int daysOverdue, String responsibleParty, String status, String statusText) {
}
