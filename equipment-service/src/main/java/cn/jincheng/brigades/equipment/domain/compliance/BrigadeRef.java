package cn.jincheng.brigades.equipment.domain.compliance;

import cn.jincheng.brigades.equipment.domain.catalog.Tier;

/**
 * A brigade to evaluate, as the caller knows it.
 *
 * @param tier      the standard that applies; null when none does (a deferred town)
 * @param headcount active firefighters; null when unknown (the catalog's default is used)
 */
public record BrigadeRef(String brigadeId, String level, Tier tier, Integer headcount) {
}
