package cn.jincheng.brigades.gateway.imports;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What can be imported, with the columns of its template, in template order. */
enum ImportKind {

    BRIGADES("brigades", "队站", List.of(
            ImportColumn.text("id", "队站编号", true, "小写字母、数字和连字符，如 zezhou-gaodu"),
            ImportColumn.text("county", "县（市、区）编号", true, "如 zezhou、gaoping"),
            ImportColumn.text("town", "乡镇", true, "如 高都镇"),
            ImportColumn.choice("level", "等级", true, "LEVEL_ONE", "一级", "LEVEL_TWO", "二级"),
            // the plan's words: 建设形式 and its forms; earlier templates said 建设模式 and 合建企业
            ImportColumn.choice("constructionMode", "建设形式", true, "SELF_BUILT", "政府自筹建设",
                    "JOINT_ENTERPRISE", "政府与企业联建", "ADAPTED", "因地制宜建设", "DEFERRED", "暂不建设",
                    "EXISTING", "已建标杆").formerly("建设模式"),
            ImportColumn.text("partner", "联建单位或依托力量", false,
                    "政府与企业联建填联建单位（如某煤矿）；因地制宜建设填依托力量（如派出所）").formerly("合建企业"),
            ImportColumn.text("situation", "基本情况", false, ""))),

    VEHICLES("vehicles", "消防车辆", List.of(
            ImportColumn.text("brigadeId", "队站编号", true, "如 zezhou-gaodu"),
            ImportColumn.text("type", "车辆类型代码", true, "标准目录中的车辆类型，如 WATER_TANKER"),
            ImportColumn.text("plate", "车牌号", true, "如 晋E·12345"),
            ImportColumn.choice("status", "状态", false, "IN_SERVICE", "在用", "OUT_OF_SERVICE", "停用"))),

    EQUIPMENT("equipment", "器材装备", List.of(
            ImportColumn.text("brigadeId", "队站编号", true, "如 zezhou-gaodu"),
            ImportColumn.text("itemCode", "器材代码", true, "标准目录中的器材代码，如 PPE_HELMET"),
            ImportColumn.wholeNumber("quantity", "数量", true, "1 至 100000 的整数"),
            ImportColumn.date("expiresOn", "有效期至", false, "YYYY-MM-DD，无有效期则留空"))),

    FIREFIGHTERS("firefighters", "专职消防员", List.of(
            ImportColumn.text("brigadeId", "队站编号", true, "如 zezhou-gaodu"),
            ImportColumn.text("name", "姓名", true, ""),
            ImportColumn.choice("employment", "用工形式", true, "LABOUR_DISPATCH", "劳务派遣", "CONTRACT", "合同制",
                    "CAREER", "在编"),
            ImportColumn.date("startDate", "入职日期", true, "YYYY-MM-DD"),
            ImportColumn.date("endDate", "离职日期", false, "YYYY-MM-DD，在职则留空")));

    final String path;
    final String title;
    final List<ImportColumn> columns;

    ImportKind(String path, String title, List<ImportColumn> columns) {
        this.path = path;
        this.title = title;
        this.columns = columns;
    }

    static Optional<ImportKind> byPath(String path) {
        return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
    }
}
