package com.luckygas.delivery.proof;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.luckygas.common.ProblemException;
import com.luckygas.common.security.Caller;
import com.luckygas.delivery.Rows;
import com.luckygas.common.BusinessClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Proofs of delivery: a signature and up to three photos per delivered order (the numbers are the
 * proof table's rule, V15). Each file is checked and cleaned ({@link ProofImages}), stored
 * ({@link ObjectStore}) and recorded in the caller's transaction; if that transaction does not
 * commit, the file is removed again. The same picture sent twice (a phone's retry) is the proof
 * already recorded. The office sees every order's proofs; a driver those of his own stops of today;
 * anyone else, and a driver asking for another's, gets 404.
 */
@ApplicationScoped
public class Proofs {

    private static final Logger LOG = Logger.getLogger(Proofs.class);

    @Schema(name = "ProofKind")
    public enum Kind { SIGNATURE, PHOTO }

    /** A proof as the API shows it; {@code href} fetches the file. */
    public record ProofView(long id, long orderId, Kind kind, int seq, String mediaType, int sizeBytes, String actionKey,
                            String uploadedBy, OffsetDateTime uploadedAt, String href) {
    }

    /** A proof recorded: {@code created} false when the same file was already there. */
    public record Attached(ProofView proof, boolean created) {
    }

    /** A proof's file. */
    public record File(String mediaType, byte[] bytes) {
    }

    static final String COLUMNS = "id, order_id, kind, seq, media_type, size_bytes, action_key, uploaded_by, uploaded_at";

    private final EntityManager em;
    private final ProofFiles files;
    private final Clock clock;

    Proofs(EntityManager em, ProofFiles files, Clock clock) {
        this.em = em;
        this.files = files;
        this.clock = clock;
    }

    /** A signature sent with the completion, as base64 text; 400 naming {@code signature} when it is not base64. */
    public static byte[] decodeSignature(String base64) {
        return decode(base64, "signature");
    }

    /** A file sent inside a JSON body as base64; 400 naming {@code field} when it is not base64. */
    public static byte[] decode(String base64, String field) {
        try {
            return Base64.getMimeDecoder().decode(base64.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "is not base64");
        }
    }

    /**
     * Records a proof of the delivery the driver's action {@code actionKey} (a completion that was
     * recorded) made. Needs a transaction. 404 when the key is not one of this driver's recorded
     * completions; 409 when the order has its signature or three photos already.
     */
    public Attached attachToAction(String actionKey, Kind kind, byte[] data, Caller caller) {
        @SuppressWarnings("unchecked")
        List<Number> orders = em.createNativeQuery("""
                SELECT order_id FROM delivery.driver_action
                WHERE action_key = :key AND kind = 'COMPLETE' AND status BETWEEN 200 AND 299 AND driver_id = :driver""")
                .setParameter("key", actionKey).setParameter("driver", caller.requireDriverId()).getResultList();
        if (orders.isEmpty()) {
            throw ProblemException.notFound("None of your recorded deliveries has the key " + actionKey + ".");
        }
        return attach(orders.get(0).longValue(), actionKey, kind, data, caller);
    }

    /** Records a proof of order {@code orderId} made by the action {@code actionKey}. Needs a transaction. */
    public Attached attach(long orderId, String actionKey, Kind kind, byte[] data, Caller caller) {
        ProofImages.Clean clean = files.check(data);
        String sha = ProofFiles.sha256(clean.bytes());
        em.createNativeQuery("SELECT CAST(id AS text) FROM delivery.orders WHERE id = :id FOR UPDATE")
                .setParameter("id", orderId).getResultList();
        List<ProofView> same = list("WHERE order_id = :order AND kind = :kind AND sha256 = :sha",
                q -> q.setParameter("order", orderId).setParameter("kind", kind.name()).setParameter("sha", sha));
        if (!same.isEmpty()) {
            return new Attached(same.get(0), false);
        }
        int taken = ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM delivery.proof WHERE order_id = :order AND kind = :kind")
                .setParameter("order", orderId).setParameter("kind", kind.name()).getSingleResult()).intValue();
        int allowed = kind == Kind.SIGNATURE ? 1 : 3;
        if (taken >= allowed) {
            throw ProblemException.conflict("Order " + orderId + " has " + (kind == Kind.SIGNATURE ? "its signature"
                    : "3 photos") + " already; no more are kept.");
        }
        String name = files.put("orders/" + orderId + "/" + kind.name().toLowerCase() + "-" + (taken + 1) + "-"
                + sha.substring(0, 16), clean).name();
        long id = ((Number) em.createNativeQuery("""
                INSERT INTO delivery.proof (order_id, action_key, kind, seq, object_name, media_type, size_bytes, sha256, uploaded_by)
                VALUES (:order, :key, :kind, :seq, :name, :type, :size, :sha, :by) RETURNING id""")
                .setParameter("order", orderId).setParameter("key", actionKey).setParameter("kind", kind.name())
                .setParameter("seq", taken + 1).setParameter("name", name).setParameter("type", clean.mediaType())
                .setParameter("size", clean.bytes().length).setParameter("sha", sha).setParameter("by", caller.username())
                .getSingleResult()).longValue();
        return new Attached(list("WHERE id = :id", q -> q.setParameter("id", id)).get(0), true);
    }

    /** An order's proofs, signature first, for whoever may see them (404 otherwise). */
    public List<ProofView> of(long orderId, Caller caller) {
        requireVisible(orderId, caller);
        return list("WHERE order_id = :order ORDER BY kind DESC, seq", q -> q.setParameter("order", orderId));
    }

    /** A proof's file, for whoever may see the order's proofs (404 otherwise, and when the file is gone). */
    public File file(long orderId, long proofId, Caller caller) {
        requireVisible(orderId, caller);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT object_name, media_type FROM delivery.proof WHERE id = :id AND order_id = :order")
                .setParameter("id", proofId).setParameter("order", orderId).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("Order " + orderId + " has no proof " + proofId + ".");
        }
        String name = (String) rows.get(0)[0];
        byte[] bytes = files.get(name).orElseThrow(() -> {
            LOG.errorf("Proof %d of order %d is recorded but its file %s is missing from storage", proofId, orderId, name);
            return ProblemException.notFound("The file of proof " + proofId + " is missing.");
        });
        return new File((String) rows.get(0)[1], bytes);
    }

    /**
     * The office (not a driver) sees any order's proofs; a driver only those of an order that is his
     * and of today (Taipei): finished today, or due today. 404 otherwise, as for an order that does not exist.
     */
    private void requireVisible(long orderId, Caller caller) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT driver_id, requested_date, CAST(finished_at AT TIME ZONE 'Asia/Taipei' AS date)
                FROM delivery.orders WHERE id = :id""").setParameter("id", orderId).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("No order with id " + orderId + ".");
        }
        if (caller.driver()) {
            Object[] row = rows.get(0);
            LocalDate today = LocalDate.now(clock.withZone(BusinessClock.TAIPEI));
            LocalDate day = row[2] != null ? Rows.date(row[2]) : Rows.date(row[1]);
            if (!caller.mayActOn((String) row[0]) || !today.equals(day)) {
                throw ProblemException.notFound("No order with id " + orderId + " among your stops of today.");
            }
        }
    }

    private List<ProofView> list(String where, java.util.function.UnaryOperator<jakarta.persistence.Query> bind) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind.apply(em.createNativeQuery("SELECT " + COLUMNS + " FROM delivery.proof " + where))
                .getResultList();
        return rows.stream().map(r -> {
            long id = ((Number) r[0]).longValue();
            long order = ((Number) r[1]).longValue();
            return new ProofView(id, order, Kind.valueOf((String) r[2]), ((Number) r[3]).intValue(), (String) r[4],
                    ((Number) r[5]).intValue(), (String) r[6], (String) r[7], Rows.time(r[8], BusinessClock.TAIPEI),
                    "/api/orders/" + order + "/proofs/" + id);
        }).toList();
    }
}
