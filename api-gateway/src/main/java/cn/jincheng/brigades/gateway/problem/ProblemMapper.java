package cn.jincheng.brigades.gateway.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;

import cn.jincheng.brigades.common.grpc.GrpcErrors;
import cn.jincheng.brigades.gateway.backend.BackendFailure;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one mapping from a failure to its problem body. A service's gRPC status keeps its meaning
 * (INVALID_ARGUMENT → 400 with the field violations, ABORTED → 412, FAILED_PRECONDITION → 409,
 * ...); an outage names the service (503, or 504 on a timeout); the caller's malformed request is
 * a 4xx saying which field; only a bug is a 500, and it never carries internals.
 */
public final class ProblemMapper {

    private static final Logger log = LoggerFactory.getLogger(ProblemMapper.class);

    /** Fields of a brigade a PATCH may not touch: named as such rather than as "unknown". */
    private static final Set<String> READ_ONLY_FIELDS = Set.of("id", "county", "countyName", "town", "level",
            "constructionMode", "situation", "version", "planId", "fundingPayer");

    private ProblemMapper() {
    }

    public static Problem map(Throwable e) {
        if (e instanceof ApiException a) {
            return problem(a.status(), a.getMessage(), a.errors(), null);
        }
        if (e instanceof BackendFailure f) {
            HttpStatus status = f.kind() == BackendFailure.Kind.TIMEOUT ? HttpStatus.GATEWAY_TIMEOUT
                    : HttpStatus.SERVICE_UNAVAILABLE;
            return new Problem(type(status), title(status), status.value(), f.getMessage(), List.of(),
                    f.backend().serviceName(), null);
        }
        if (e instanceof StatusRuntimeException s) {
            return fromGrpc(s);
        }
        if (e instanceof DataBufferLimitException || hasCause(e, DataBufferLimitException.class)) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "the request body is larger than 1 MB", List.of(), null);
        }
        if (e instanceof UnsupportedMediaTypeStatusException u) {
            return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json"
                    + (u.getContentType() == null ? "" : ", not " + u.getContentType()), List.of(), null);
        }
        if (e instanceof MethodNotAllowedException m) {
            return problem(HttpStatus.METHOD_NOT_ALLOWED, m.getHttpMethod() + " is not allowed here; allowed: "
                    + m.getSupportedMethods(), List.of(), null);
        }
        if (e instanceof NotAcceptableStatusException) {
            return problem(HttpStatus.NOT_ACCEPTABLE, "this resource is available as JSON", List.of(), null);
        }
        if (e instanceof ServerWebInputException input) {
            return fromInput(input);
        }
        if (e instanceof ResponseStatusException r) {
            HttpStatus status = HttpStatus.resolve(r.getStatusCode().value());
            if (status == HttpStatus.NOT_FOUND) {
                return problem(status, "no such resource", List.of(), null);
            }
            if (status != null && status.is4xxClientError()) {
                return problem(status, r.getReason() != null ? r.getReason() : title(status), List.of(), null);
            }
        }
        log.error("unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal error", List.of(), null);
    }

    public static Problem problem(HttpStatus status, String detail, List<Problem.FieldError> errors,
            Long currentVersion) {
        return new Problem(type(status), title(status), status.value(), detail,
                errors == null ? List.of() : errors, null, currentVersion);
    }

    private static Problem fromGrpc(StatusRuntimeException e) {
        Status.Code code = e.getStatus().getCode();
        String detail = e.getStatus().getDescription();
        com.google.rpc.Status rich = StatusProto.fromThrowable(e);
        List<Problem.FieldError> errors = new ArrayList<>();
        Long currentVersion = null;
        String reason = null;
        if (rich != null) {
            for (com.google.protobuf.Any any : rich.getDetailsList()) {
                try {
                    if (any.is(BadRequest.class)) {
                        any.unpack(BadRequest.class).getFieldViolationsList().forEach(
                                v -> errors.add(new Problem.FieldError(v.getField(), v.getDescription())));
                    } else if (any.is(ErrorInfo.class)) {
                        reason = any.unpack(ErrorInfo.class).getReason();
                        String v = any.unpack(ErrorInfo.class).getMetadataMap().get(GrpcErrors.CURRENT_VERSION);
                        currentVersion = v == null ? null : Long.valueOf(v);
                    }
                } catch (com.google.protobuf.InvalidProtocolBufferException | NumberFormatException ignored) {
                    // a detail we cannot read adds nothing; the status itself still says what happened
                }
            }
        }
        HttpStatus status = switch (code) {
            case INVALID_ARGUMENT, OUT_OF_RANGE -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case PERMISSION_DENIED -> HttpStatus.FORBIDDEN;
            case ALREADY_EXISTS, FAILED_PRECONDITION -> HttpStatus.CONFLICT;
            case ABORTED -> HttpStatus.PRECONDITION_FAILED;
            case RESOURCE_EXHAUSTED -> HttpStatus.TOO_MANY_REQUESTS;
            case UNIMPLEMENTED -> HttpStatus.NOT_IMPLEMENTED;
            default -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
        // a file refused for its size or its type (evidence attachments)
        if (GrpcErrors.CONTENT_TOO_LARGE.equals(reason)) {
            status = HttpStatus.CONTENT_TOO_LARGE;
        } else if (GrpcErrors.UNSUPPORTED_CONTENT_TYPE.equals(reason)) {
            status = HttpStatus.UNSUPPORTED_MEDIA_TYPE;
        }
        if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
            // UNAUTHENTICATED here means a service refused the gateway's own identity: our fault,
            // not the user's; like any other unexpected status it is logged and told as little.
            log.error("a service answered {}: {}", code, detail);
            return problem(status, "internal error", List.of(), null);
        }
        return problem(status, detail != null ? detail : title(status), errors, currentVersion);
    }

    private static Problem fromInput(ServerWebInputException e) {
        JacksonException json = cause(e, JacksonException.class);
        if (json != null) {
            return fromJson(json);
        }
        if (e instanceof MissingRequestValueException missing) {
            return problem(HttpStatus.BAD_REQUEST, missing.getName() + " is required",
                    List.of(new Problem.FieldError(missing.getName(), "is required")), null);
        }
        if (e.getMethodParameter() != null && e.getMethodParameter().getParameterName() != null
                && !(cause(e, DecodingException.class) != null)) {
            String name = e.getMethodParameter().getParameterName();
            String message = e.getCause() != null && e.getCause().getMessage() != null
                    && e.getCause().getMessage().toLowerCase(Locale.ROOT).contains("date")
                    ? "must be a date as YYYY-MM-DD" : "has an invalid value";
            return problem(HttpStatus.BAD_REQUEST, name + ": " + message,
                    List.of(new Problem.FieldError(name, message)), null);
        }
        String reason = e.getReason() != null && e.getReason().contains("No request body")
                ? "a JSON body is required" : "the request could not be read";
        return problem(HttpStatus.BAD_REQUEST, reason, List.of(), null);
    }

    private static Problem fromJson(JacksonException e) {
        String field = path(e);
        String message;
        if (e instanceof UnrecognizedPropertyException u) {
            field = field.isEmpty() ? u.getPropertyName() : field;
            message = READ_ONLY_FIELDS.contains(u.getPropertyName()) && !field.contains(".")
                    ? "cannot be changed here" : "is not a known field";
        } else if (e instanceof InvalidNullException) {
            message = "must not be null";
        } else if (e instanceof InvalidFormatException f) {
            Class<?> target = f.getTargetType();
            if (target != null && target.getSimpleName().equals("LocalDate")) {
                message = "must be a date as YYYY-MM-DD";
            } else if ((target == Integer.class || target == int.class || target == Long.class || target == long.class)
                    && f.getValue() instanceof Number) {
                message = "must be a whole number";
            } else {
                message = "has an invalid value";
            }
        } else if (e instanceof MismatchedInputException m) {
            message = "has the wrong type" + (m.getTargetType() == null ? "" : ": expected " + kind(m.getTargetType()));
        } else if (e instanceof StreamReadException) {
            return problem(HttpStatus.BAD_REQUEST, "the body is not valid JSON", List.of(), null);
        } else {
            message = "has an invalid value";
        }
        if (field.isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, "the body does not have the expected shape: " + message, List.of(),
                    null);
        }
        return problem(HttpStatus.BAD_REQUEST, field + ": " + message, List.of(new Problem.FieldError(field, message)),
                null);
    }

    private static String kind(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        return cause(e, type) != null;
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String type(HttpStatus status) {
        return Problem.TYPE_PREFIX + status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String title(HttpStatus status) {
        return status.getReasonPhrase();
    }
}
