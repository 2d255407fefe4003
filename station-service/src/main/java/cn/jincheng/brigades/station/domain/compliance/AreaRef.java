package cn.jincheng.brigades.station.domain.compliance;

import cn.jincheng.brigades.station.domain.BrigadeLevel;

/**
 * A brigade as another service's area needs it: level and tier pick the rules; {@code headcount}
 * (null if not known) sizes equipment's per-firefighter rules.
 */
public record AreaRef(String brigadeId, BrigadeLevel level, Tier tier, Integer headcount) {
}
