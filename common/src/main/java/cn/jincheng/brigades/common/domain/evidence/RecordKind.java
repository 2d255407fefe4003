package cn.jincheng.brigades.common.domain.evidence;

/**
 * The records evidence may be attached to, and what a record id names for each: a milestone's code,
 * the brigade's id for its housing, {@code year:countyId} for a county's acceptance summary, the
 * record's own id otherwise.
 */
public enum RecordKind {
    MILESTONE_SUBMISSION, HOUSING, VEHICLE, EQUIPMENT, EQUIPMENT_CHECK, DRILL, INSPECTION, COUNTY_ACCEPTANCE
}
