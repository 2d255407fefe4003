package cn.jincheng.brigades.gateway.problem;

import java.util.List;

import org.springframework.http.HttpStatus;

/** A refusal decided in the gateway itself (before or instead of a service call). */
public final class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final List<Problem.FieldError> errors;
    private final Long retryAfterSeconds;

    private ApiException(HttpStatus status, String detail, List<Problem.FieldError> errors) {
        this(status, detail, errors, null);
    }

    private ApiException(HttpStatus status, String detail, List<Problem.FieldError> errors, Long retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A request body (an uploaded file) larger than allowed: 413. */
    public static ApiException tooLarge(String detail) {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, detail, List.of());
    }

    public static ApiException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, detail, List.of(), retryAfterSeconds);
    }

    /** Seconds a client should wait before trying again (429), or null. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(HttpStatus.UNAUTHORIZED, detail, List.of());
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ApiException invalid(List<Problem.FieldError> errors) {
        return new ApiException(HttpStatus.BAD_REQUEST,
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " fields are invalid", errors);
    }

    /** Bad input that is no one field's fault (an unreadable file, say). */
    public static ApiException badRequest(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, detail, List.of());
    }

    /** Bad input with the errors listed as they are (rows of a file, say). */
    public static ApiException badRequest(String detail, List<Problem.FieldError> errors) {
        return new ApiException(HttpStatus.BAD_REQUEST, detail, errors);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, detail, List.of());
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, detail, List.of());
    }

    public static ApiException preconditionRequired(String detail) {
        return new ApiException(HttpStatus.PRECONDITION_REQUIRED, detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
