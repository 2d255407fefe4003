package cn.jincheng.brigades.equipment.compliance;

import cn.jincheng.brigades.equipment.catalog.Area;
import cn.jincheng.brigades.equipment.catalog.Severity;
import cn.jincheng.brigades.equipment.catalog.SourceStatus;

/** One rule checked against one brigade, in the contract's shape. */
public record CheckResult(String rule, Area area, Severity severity, String required, String actual, boolean met,
        String source, SourceStatus sourceStatus) {
}
