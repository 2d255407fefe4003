package cn.jincheng.brigades.station.domain;

/** Rooms of a brigade station; the first three are required by the plan. */
public enum Room {
    COMMS_DUTY_ROOM,
    STANDBY_ROOM,
    EQUIPMENT_STORE,
    DORMITORY,
    CANTEEN,
    TRAINING_ROOM,
    OFFICE,
    BATHROOM,
    LAUNDRY_DRYING_ROOM,
    FITNESS_ROOM,
    FIRE_SAFETY_OFFICE,
    EDUCATION_ROOM
}
