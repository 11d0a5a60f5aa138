package com.luckygas.common;

import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Thrown by business code to answer with a specific problem (409 for an illegal transition,
 * 422 for a reused idempotency key...). Unchecked so it rolls back the surrounding transaction.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Response.Status status, String detail) {
        super(detail);
        this.problem = Problem.of(status, detail);
    }

    public ProblemException(int status, String title, String detail) {
        super(detail);
        this.problem = new Problem("about:blank", title, status, detail, null);
    }

    /** A 400 for one field, when the check could not be expressed as a bean-validation constraint. */
    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(Problem.invalid("The request has invalid fields.",
                List.of(new Problem.Violation(field, message))));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Response.Status.NOT_FOUND, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Response.Status.CONFLICT, detail);
    }

    /** A 409 naming the field whose value must be unique and is taken ("exists already"). */
    public static ProblemException taken(String field, String detail, String reason) {
        return new ProblemException(new Problem("about:blank", "Conflict", 409, detail,
                List.of(new Problem.Violation(field, reason))));
    }

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
