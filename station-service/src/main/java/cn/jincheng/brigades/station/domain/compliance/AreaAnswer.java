package cn.jincheng.brigades.station.domain.compliance;

import java.util.List;

import cn.jincheng.brigades.common.domain.compliance.CheckResult;

/** Another service's checks of one brigade, with the version of the rules it used (and, from staffing, the headcount). */
public record AreaAnswer(String brigadeId, String standard, List<CheckResult> checks, Integer headcount) {

    public AreaAnswer {
        checks = List.copyOf(checks);
    }
}
