package com.luckygas.common;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every exception that reaches the REST layer into an RFC 9457 problem. One class, shipped
 * in a jar every service depends on (docs/adr/0003): services throw {@link ProblemException} or
 * let validation/Jackson/security exceptions happen, and never build error bodies themselves.
 * Nothing from the exception (class names, stack traces, SQL) is sent to the client.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.problem().toResponse();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .toList();
        return Problem.invalid("The request has invalid fields.", violations).toResponse();
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e) {
        return Problem.invalid("The request body is not valid JSON.", null).toResponse();
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        return wrongType(e);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return wrongType(e);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e) {
        return wrongType(e);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return Problem.invalid("The request body could not be read as JSON.", null).toResponse();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthorizedResponse();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthorizedResponse();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(Response.Status.FORBIDDEN, "Your role does not allow this action.").toResponse();
    }

    /** A value PostgreSQL refuses (a NUL character in a query parameter, a number out of range). */
    @ServerExceptionMapper
    public Response unstorableValue(org.hibernate.exception.DataException e) {
        return Problem.invalid("A value in the request cannot be stored or searched for: it contains a character "
                + "the database does not accept (such as NUL) or is out of range.", null).toResponse();
    }

    @ServerExceptionMapper
    public Response staleUpdate(OptimisticLockException e) {
        return Problem.of(Response.Status.CONFLICT,
                "Someone else changed this record in the meantime; reload it and apply your change again.")
                .toResponse();
    }

    @ServerExceptionMapper
    public Response invalidParameter(StrictParams.Invalid e) {
        return Problem.invalid("The request has invalid fields.",
                List.of(new Problem.Violation(e.parameter(), e.reason()))).toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        // The JSON reader reports an unreadable body as a bare 400 whose cause says what was wrong.
        if (e.getCause() instanceof JsonParseException cause) {
            return malformedJson(cause);
        }
        if (e.getCause() instanceof JsonMappingException cause) {
            return wrongType(cause);
        }
        Response original = e.getResponse();
        Response.StatusType status = original.getStatusInfo();
        String detail = switch (status.getStatusCode()) {
            case 404 -> "No such resource.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "The requested media type cannot be produced.";
            case 415 -> "Unsupported media type; send application/json.";
            default -> status.getReasonPhrase();
        };
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA)
                .entity(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, null));
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    /**
     * The database cannot be reached: no connection could be made or borrowed (refused, pool
     * acquisition timeout), the connection broke under the statement, or PostgreSQL is shutting
     * down or still starting. That is an outage the client should retry, not a bug: 503 with
     * Retry-After, never a 500. Hibernate reports most of these as {@code JDBCConnectionException};
     * the others arrive as a {@link java.sql.SQLException} somewhere in the cause chain.
     */
    @ServerExceptionMapper
    public Response databaseUnavailable(org.hibernate.exception.JDBCConnectionException e) {
        return databaseUnavailableResponse(e);
    }

    static final int DATABASE_RETRY_AFTER_SECONDS = 2;

    static Response databaseUnavailableResponse(Throwable e) {
        LOG.warnf("Database unavailable: %s", rootMessage(e));
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(Problem.MEDIA)
                .header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS)
                .entity(Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                        "The database is not reachable at the moment; try again in a few seconds."))
                .build();
    }

    /** True when {@code e} or one of its causes says the database is unreachable (see above). */
    public static boolean isDatabaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql) {
                String state = sql.getSQLState();
                // 08: connection exception; 57P01-57P03: admin/crash shutdown, cannot connect now
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                    return true;
                }
                // Agroal: "Sorry, acquisition timeout!" (no SQLState) when no connection can be borrowed
                if (sql.getMessage() != null && sql.getMessage().contains("acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getName() + ": " + root.getMessage();
    }

    /**
     * A row the database refuses by one of its constraints (SQLState class 23), where the code's
     * own check lost a race or does not exist: a duplicate (unique) or a row still referred to or
     * referring to one gone (foreign key) is a 409, a value a CHECK or NOT NULL refuses a 400. The
     * field is named when PostgreSQL's message names the column; the value itself is not repeated.
     * Null when {@code e} is not such a refusal.
     */
    static Response constraintRefusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                String message = sql.getMessage() == null ? "" : sql.getMessage();
                List<Problem.Violation> fields = columns(message).stream()
                        .map(c -> new Problem.Violation(c, switch (sql.getSQLState()) {
                            case "23505" -> "is already taken";
                            case "23503" -> "refers to a record that does not exist";
                            default -> "is not allowed";
                        })).toList();
                LOG.infof("Refused by a database constraint (%s): %s", sql.getSQLState(), message.lines().findFirst().orElse(""));
                return switch (sql.getSQLState()) {
                    case "23505" -> new Problem("about:blank", "Conflict", 409,
                            "A record with the same value already exists.", fields.isEmpty() ? null : fields).toResponse();
                    case "23503" -> new Problem("about:blank", "Conflict", 409,
                            "This is still in use by other records, or refers to one that no longer exists.",
                            fields.isEmpty() ? null : fields).toResponse();
                    default -> Problem.invalid("A value in the request is not allowed.", fields.isEmpty() ? null : fields)
                            .toResponse();
                };
            }
        }
        return null;
    }

    private static final java.util.regex.Pattern KEY_COLUMNS = java.util.regex.Pattern.compile("Key \\(([^)]+)\\)=");
    private static final java.util.regex.Pattern NULL_COLUMN = java.util.regex.Pattern.compile("null value in column \"([^\"]+)\"");

    /** The columns PostgreSQL names in a constraint error ("Key (a, b)=…", "null value in column "a""), as JSON field names. */
    static List<String> columns(String message) {
        java.util.regex.Matcher key = KEY_COLUMNS.matcher(message);
        if (key.find()) {
            return Arrays.stream(key.group(1).split(",")).map(String::strip).map(ProblemMappers::camel).toList();
        }
        java.util.regex.Matcher nul = NULL_COLUMN.matcher(message);
        return nul.find() ? List.of(camel(nul.group(1))) : List.of();
    }

    private static String camel(String column) {
        StringBuilder out = new StringBuilder();
        boolean up = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                out.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return out.toString();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (isDatabaseUnavailable(e)) {
            return databaseUnavailableResponse(e);
        }
        Response refused = constraintRefusal(e);
        if (refused != null) {
            return refused;
        }
        // The client gets a reference it can quote; the log has the whole story under the same reference.
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, reference %s", reference);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred (reference " + reference + ").").toResponse();
    }

    static Response unauthorizedResponse() {
        return Response.status(Response.Status.UNAUTHORIZED).type(Problem.MEDIA)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(Problem.of(Response.Status.UNAUTHORIZED, "A valid access token is required."))
                .build();
    }

    private static Response wrongType(JsonMappingException e) {
        String field = jsonPath(e.getPath());
        if (field.isEmpty()) {
            return Problem.invalid("The request body does not have the expected structure.", null).toResponse();
        }
        String message = "has the wrong type";
        if (e instanceof InvalidFormatException ife && ife.getValue() instanceof String text && text.indexOf('\u0000') >= 0) {
            message = "must not contain the NUL character";
        } else if (e instanceof InvalidFormatException ife && ife.getTargetType() != null && ife.getTargetType().isEnum()) {
            message = "must be one of " + Arrays.stream(ife.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
        } else if (e instanceof MismatchedInputException mie && mie.getTargetType() != null) {
            message = "must be " + describe(mie.getTargetType());
        }
        return Problem.invalid("The request has invalid fields.", List.of(new Problem.Violation(field, message)))
                .toResponse();
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type.getName().startsWith("java.time.")) {
            return "an ISO-8601 " + (type.getSimpleName().equals("LocalDate") ? "date (2026-05-20)" : "value");
        }
        return "an object";
    }

    static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /**
     * The field a violation is about, as the client named it: a body property path such as
     * {@code items[1].quantity}, or the query/path parameter name. The method and body-parameter
     * nodes of the bean-validation path are internal and dropped.
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (kind == ElementKind.PARAMETER || kind == ElementKind.CROSS_PARAMETER) {
                // A body parameter is followed by its properties; a query/path parameter stands alone.
                if (i == nodes.size() - 1) {
                    out.append(node.getName());
                }
                continue;
            }
            // "items[1].quantity": the index belongs to the element that holds this node.
            if (node.isInIterable() && !out.isEmpty()) {
                out.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getName() == null || node.getName().startsWith("<")) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append('.');
            }
            out.append(node.getName());
        }
        return out.isEmpty() ? "body" : out.toString();
    }
}
