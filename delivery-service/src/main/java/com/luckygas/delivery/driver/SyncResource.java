package com.luckygas.delivery.driver;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.luckygas.common.Problem;
import com.luckygas.common.ProblemException;
import com.luckygas.common.security.Caller;
import com.luckygas.common.security.Roles;
import com.luckygas.delivery.order.CompleteStop;
import com.luckygas.delivery.order.FailStop;
import com.luckygas.delivery.order.Order.PaymentMethod;
import com.luckygas.delivery.order.PhoneTime;
import com.luckygas.delivery.order.SetOut;
import com.luckygas.delivery.safety.RecordCheck;
import com.luckygas.delivery.safety.SafetyChecks;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A phone back from a dead zone sends its queued actions in one request and gets one answer per
 * action, in the order sent. Each action is what the single calls take, with the phone's key and
 * time, and runs once per key in its own transaction: one refused action does not undo the others,
 * and sending the same queue again answers the same. The actions' commits do not each wait for the
 * disk; one synchronous commit at the end makes them all durable before the answer (docs/adr/0010).
 * Conflicts follow one rule (docs/api.md): a
 * delivery is a fact — a completion is recorded over a failure sent before it (its answer's
 * {@code note} says so), and a failure after a completion is refused (409, naming the delivery).
 */
@Path("/api/orders/my/sync")
@RolesAllowed(Roles.DRIVER)
public class SyncResource {

    /**
     * One queued action: set out ({@code START}, {@code date}), complete or fail a stop ({@code orderId});
     * a completion may carry the customer's signature (base64 JPEG or PNG); a {@code SAFETY_CHECK}
     * carries the check done at the stop ({@code safetyCheck}; its time is {@code happenedAt}).
     */
    public record Queued(@NotBlank @Size(min = 8, max = 100) String key, @NotNull DriverActions.Kind kind, Long orderId,
                         LocalDate date, @NotNull OffsetDateTime happenedAt,
                         List<CompleteStop.DeliveredItem> items, Long amountCollected, PaymentMethod paymentMethod,
                         String notes, String reason, String signature, RecordCheck safetyCheck) {
    }

    public record SyncRequest(@NotNull @Size(min = 1, max = 100) List<@NotNull @Valid Queued> actions) {
    }

    /** One action's answer: status and body as the single call would have answered, and a note when it overrode another. */
    public record Result(String key, int status, @JsonRawValue String body, String note) {
    }

    public record SyncResponse(List<Result> results) {
    }

    private final StopActions stops;
    private final SafetyChecks safety;
    private final Validator validator;
    private final DriverActions actions;
    private final JsonWebToken jwt;

    SyncResource(StopActions stops, SafetyChecks safety, Validator validator, DriverActions actions, JsonWebToken jwt) {
        this.stops = stops;
        this.safety = safety;
        this.validator = validator;
        this.actions = actions;
        this.jwt = jwt;
    }

    @POST
    public SyncResponse sync(@Valid @NotNull SyncRequest request) {
        Caller caller = Caller.of(jwt);
        caller.requireDriverId();
        List<Result> results = new ArrayList<>(request.actions().size());
        for (Queued action : request.actions()) {
            DriverActions.Answer answer;
            try {
                answer = run(action, caller);
            } catch (ProblemException e) {
                if (e.problem().status() >= 500) {
                    throw e;
                }
                answer = new DriverActions.Answer(e.problem().status(), actions.write(e.problem()), null);
            }
            results.add(new Result(action.key(), answer.status(), answer.body(), answer.note()));
        }
        actions.flush(); // nothing is answered before all of it is on disk
        return new SyncResponse(results);
    }

    private DriverActions.Answer run(Queued a, Caller caller) {
        switch (a.kind()) {
            case START -> {
                LocalDate day = a.date() != null ? a.date() : PhoneTime.day(a.happenedAt());
                return stops.start(a.key(), day, new SetOut(a.happenedAt()), caller, true);
            }
            case COMPLETE -> {
                CompleteStop stop = valid(new CompleteStop(a.items(), a.amountCollected(), a.paymentMethod(), a.notes(),
                        a.happenedAt(), a.signature()));
                return stops.complete(a.key(), requireOrder(a), stop, caller, true);
            }
            case SAFETY_CHECK -> {
                if (a.safetyCheck() == null) {
                    throw ProblemException.invalidField("safetyCheck", "is required for a SAFETY_CHECK");
                }
                RecordCheck c = a.safetyCheck();
                RecordCheck check = valid(new RecordCheck(c.customerId(), a.orderId() != null ? a.orderId() : c.orderId(),
                        a.happenedAt(), c.items(), c.notes(), c.photo()));
                return safety.record(a.key(), check, caller, Roles.DRIVER, true);
            }
            default -> {
                FailStop stop = valid(new FailStop(a.reason(), a.happenedAt()));
                return stops.fail(a.key(), requireOrder(a), stop, caller, true);
            }
        }
    }

    private static long requireOrder(Queued a) {
        if (a.orderId() == null) {
            throw ProblemException.invalidField("orderId", "is required to " + a.kind().name().toLowerCase() + " a stop");
        }
        return a.orderId();
    }

    /** The action's content checked as the single call checks it; a 400 naming the fields otherwise. */
    private <T> T valid(T stop) {
        Set<ConstraintViolation<T>> violations = validator.validate(stop);
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid("The action has invalid fields.", violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> new Problem.Violation(v.getPropertyPath().toString(), v.getMessage())).toList()));
        }
        return stop;
    }
}
