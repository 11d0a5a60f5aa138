package com.luckygas.delivery.driver;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.luckygas.common.Problem;
import com.luckygas.common.ProblemException;
import com.luckygas.common.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A driver's actions as his phone makes them (docs/adr/0010): each carries a key the phone made.
 * The first time a key is seen the action runs in its own transaction and its answer — success
 * or refusal — is kept with the key; the same key again answers exactly that, however late; the
 * same key with other content (another order, other quantities, another driver) is a 422 and
 * changes nothing.
 */
@ApplicationScoped
public class DriverActions {

    @Schema(name = "DriverActionKind")
    public enum Kind { START, COMPLETE, FAIL, SAFETY_CHECK }

    /**
     * One action's answer: its HTTP status, body (JSON: the result, or a problem) and, where the
     * action changed what an earlier one had recorded, a note saying what happened.
     */
    public record Answer(int status, String body, String note) {

        /** The answer as it was first given: the result, or the problem. */
        public jakarta.ws.rs.core.Response toResponse() {
            return jakarta.ws.rs.core.Response.status(status).entity(body)
                    .type(status >= 400 ? Problem.MEDIA_TYPE : jakarta.ws.rs.core.MediaType.APPLICATION_JSON).build();
        }
    }

    /** What an action's work returns: its result, and a note when it overrode an earlier action. */
    public record Outcome(Object result, String note) {
    }

    /** What identifies an action's content: the same key must come with the same content. */
    public record Action(Kind kind, Long orderId, Object request) {
    }

    static final String FIND = "SELECT request_hash, status, response, note FROM delivery.driver_action WHERE action_key = :key";

    private final EntityManager em;
    private final ObjectMapper json;

    DriverActions(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /**
     * Runs the action once per key: {@code work} runs in a new transaction and must throw a
     * {@link ProblemException} to refuse. Server errors (5xx, anything else thrown) are not kept:
     * the phone retries them with the same key.
     */
    public Answer once(String key, Action action, OffsetDateTime happenedAt, Caller caller, Supplier<Outcome> work) {
        return once(key, action, happenedAt, caller, work, false);
    }

    /**
     * As above; {@code batched}: one of a sync's actions, whose commit does not wait for the
     * write-ahead log to reach the disk — {@link #flush()} does, once, before the sync answers.
     */
    public Answer once(String key, Action action, OffsetDateTime happenedAt, Caller caller, Supplier<Outcome> work,
                       boolean batched) {
        String hash = hash(action, caller);
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Answer again = begin(key, hash, batched);
                if (again != null) {
                    return again;
                }
                Outcome outcome = work.get();
                Answer answer = new Answer(200, write(outcome.result()), outcome.note());
                keep(key, action, happenedAt, hash, answer, caller);
                return answer;
            });
        } catch (ProblemException e) {
            if (e.problem().status() >= 500) {
                throw e;
            }
            Answer refusal = new Answer(e.problem().status(), write(e.problem()), null);
            return QuarkusTransaction.requiringNew().call(() -> {
                Answer again = begin(key, hash, batched);
                if (again != null) {
                    return again;
                }
                keep(key, action, happenedAt, hash, refusal, caller);
                return refusal;
            });
        }
    }

    /**
     * Makes every batched action committed so far durable: a transaction that takes an id commits
     * synchronously, and PostgreSQL writes the log in order, so its commit reaching the disk takes
     * every earlier commit with it. One wait for the disk per sync instead of one per action.
     */
    public void flush() {
        QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("SELECT CAST(pg_current_xact_id() AS text)").getSingleResult());
    }

    /**
     * The start of an action's transaction: its commit not waiting for the disk when batched, the
     * key's lock (two requests with one key queue here; the later then finds the first's answer),
     * and the answer kept for the key, if any.
     */
    private Answer begin(String key, String hash, boolean batched) {
        if (batched) {
            em.createNativeQuery("SET LOCAL synchronous_commit TO off").executeUpdate();
        }
        lock(key);
        return earlier(key, hash);
    }

    /** The answer kept for this key, if any; a 422 when the key came with other content. */
    private Answer earlier(String key, String hash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(FIND).setParameter("key", key).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = rows.get(0);
        if (!hash.equals(row[0])) {
            throw new ProblemException(new Problem("about:blank", "Unprocessable Content", 422,
                    "This key was already used for another action; a new action needs a new key.",
                    List.of(new Problem.Violation("key", "was used for another action"))));
        }
        return new Answer(((Number) row[1]).intValue(), (String) row[2], (String) row[3]);
    }

    /** Two requests with one key queue here; the later then finds the first's answer. */
    private void lock(String key) {
        em.createNativeQuery("SELECT CAST(pg_advisory_xact_lock(hashtextextended(:key, 18)) AS text)")
                .setParameter("key", key).getSingleResult();
    }

    private void keep(String key, Action action, OffsetDateTime happenedAt, String hash, Answer answer, Caller caller) {
        em.createNativeQuery("""
                INSERT INTO delivery.driver_action (action_key, driver_id, kind, order_id, happened_at, request_hash,
                                                   status, response, note, recorded_by)
                VALUES (:key, :driver, :kind, :order, :at, :hash, :status, :response, :note, :by)""")
                .setParameter("key", key).setParameter("driver", caller.driverId())
                .setParameter("kind", action.kind().name()).setParameter("order", action.orderId())
                .setParameter("at", happenedAt != null ? happenedAt : OffsetDateTime.now())
                .setParameter("hash", hash).setParameter("status", answer.status())
                .setParameter("response", answer.body()).setParameter("note", answer.note())
                .setParameter("by", caller.username())
                .executeUpdate();
    }

    /** SHA-256 of the action as JSON, with who sent it: the same key from another driver is other content. */
    String hash(Action action, Caller caller) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("driver", caller.driverId() != null ? caller.driverId() : caller.username());
        content.put("kind", action.kind());
        content.put("orderId", action.orderId());
        content.put("request", action.request());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(content).getBytes(StandardCharsets.UTF_8)));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the action", e);
        }
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer", e);
        }
    }
}
