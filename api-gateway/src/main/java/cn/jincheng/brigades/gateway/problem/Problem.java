package cn.jincheng.brigades.gateway.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem body. {@code errors} lists field errors of a validation failure;
 * {@code service} names the backing service of a 503/504.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors, String service,
        Long currentVersion) {

    /** A field's error; for an uploaded file also the row (the heading is row 1) and the column's heading. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String message, Integer row, String column) {

        public FieldError(String field, String message) {
            this(field, message, null, null);
        }
    }

    public static final String TYPE_PREFIX = "urn:brigades:problem:";
}
