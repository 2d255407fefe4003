package cn.jincheng.brigades.gateway.rest;

import cn.jincheng.brigades.gateway.problem.ApiException;

/** ETag and If-Match: the brigade's version, as a strong entity tag {@code "7"}. */
final class ETags {

    private ETags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match header names: 428 when it is missing, 400 when it names no version. */
    static long requiredVersion(String ifMatch) {
        return requiredVersion(ifMatch, 1);
    }

    /** As {@link #requiredVersion(String)}, but "0" is a version too: a record nobody has written yet (a county's acceptance). */
    static long requiredVersionFromZero(String ifMatch) {
        return requiredVersion(ifMatch, 0);
    }

    private static long requiredVersion(String ifMatch, long lowest) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ApiException.preconditionRequired(
                    "send If-Match with the ETag you last read (e.g. If-Match: \"3\"), so that no one's change is lost");
        }
        String value = ifMatch.trim();
        if (value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            long version = Long.parseLong(value);
            if (version >= lowest) {
                return version;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw ApiException.invalid("If-Match", "must be the ETag of the brigade, like \"3\"");
    }
}
