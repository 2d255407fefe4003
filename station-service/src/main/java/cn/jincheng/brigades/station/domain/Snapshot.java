package cn.jincheng.brigades.station.domain;

import java.util.List;

import cn.jincheng.brigades.common.domain.compliance.CheckResult;

/** The compliance of a brigade at the moment of an inspection, with the catalog versions used. */
public record Snapshot(boolean compliant, String tier, List<String> standards, List<CheckResult> checks) {

    public Snapshot {
        standards = List.copyOf(standards);
        checks = List.copyOf(checks);
    }
}
