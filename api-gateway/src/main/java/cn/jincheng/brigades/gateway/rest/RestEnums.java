package cn.jincheng.brigades.gateway.rest;

import java.util.Arrays;
import java.util.List;

import com.google.protobuf.ProtocolMessageEnum;

import cn.jincheng.brigades.gateway.problem.ApiException;

/**
 * REST enum names are the plain upper-case names (LEVEL_ONE); proto names carry their type's
 * prefix (BRIGADE_LEVEL_LEVEL_ONE). One rule, both directions, for every enum.
 */
final class RestEnums {

    private RestEnums() {
    }

    static String name(Enum<?> protoValue, String prefix) {
        return protoValue.name().substring(prefix.length());
    }

    /** The proto value named by {@code value}; null for null; a 400 naming the field otherwise. */
    static <E extends Enum<E> & ProtocolMessageEnum> E parse(Class<E> type, String prefix, String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            E parsed = Enum.valueOf(type, prefix + value);
            if (!value.equals("UNSPECIFIED")) {
                return parsed;
            }
        } catch (IllegalArgumentException e) {
            // fall through to the list of allowed names
        }
        throw ApiException.invalid(field, "must be one of " + names(type, prefix));
    }

    static <E extends Enum<E>> List<String> names(Class<E> type, String prefix) {
        return Arrays.stream(type.getEnumConstants())
                .map(Enum::name)
                .filter(n -> n.startsWith(prefix) && !n.endsWith("_UNSPECIFIED"))
                .map(n -> n.substring(prefix.length()))
                .toList();
    }
}
