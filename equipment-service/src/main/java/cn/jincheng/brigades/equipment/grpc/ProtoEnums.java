package cn.jincheng.brigades.equipment.grpc;

import java.util.List;

import cn.jincheng.brigades.common.domain.errors.ValidationException;

/** Proto enum ↔ domain enum: the proto names are the domain names with the type's prefix. */
final class ProtoEnums {

    private ProtoEnums() {
    }

    static <E extends Enum<E>> E fromProto(Class<E> type, Enum<?> value, String prefix, String field) {
        String name = value.name();
        if (name.endsWith("UNSPECIFIED") || name.equals("UNRECOGNIZED")) {
            throw new ValidationException(field, "must be one of " + List.of(type.getEnumConstants()));
        }
        return Enum.valueOf(type, name.substring(prefix.length()));
    }

    /** As {@link #fromProto}, but an unspecified value is null (absent) rather than an error. */
    static <E extends Enum<E>> E optionalFromProto(Class<E> type, Enum<?> value, String prefix, String field) {
        return value.name().endsWith("UNSPECIFIED") ? null : fromProto(type, value, prefix, field);
    }

    /** Empty strings are how proto3 says "not given". */
    static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** And how it shows an absent text. */
    static String nz(String s) {
        return s == null ? "" : s;
    }
}
