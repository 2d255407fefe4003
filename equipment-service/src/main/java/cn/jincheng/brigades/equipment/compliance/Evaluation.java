package cn.jincheng.brigades.equipment.compliance;

import cn.jincheng.brigades.common.domain.compliance.CheckResult;
import java.util.List;

/** A brigade's equipment-area compliance, naming the catalog version it used. */
public record Evaluation(String brigadeId, String standard, boolean compliant, List<CheckResult> checks) {

    public Evaluation {
        checks = List.copyOf(checks);
    }
}
