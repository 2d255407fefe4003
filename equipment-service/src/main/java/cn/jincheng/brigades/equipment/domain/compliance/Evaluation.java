package cn.jincheng.brigades.equipment.domain.compliance;

import java.util.List;

import cn.jincheng.brigades.common.domain.compliance.CheckResult;

/** A brigade's equipment-area compliance, naming the catalog version it used. */
public record Evaluation(String brigadeId, String standard, boolean compliant, List<CheckResult> checks) {

    public Evaluation {
        checks = List.copyOf(checks);
    }
}
