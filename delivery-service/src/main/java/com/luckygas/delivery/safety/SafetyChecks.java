package com.luckygas.delivery.safety;

import com.luckygas.common.BusinessClock;
import com.luckygas.common.ProblemException;
import com.luckygas.common.security.Caller;
import com.luckygas.delivery.Rows;
import com.luckygas.delivery.customer.CustomerClient;
import com.luckygas.delivery.driver.DriverActions;
import com.luckygas.delivery.order.Order;
import com.luckygas.delivery.order.PhoneTime;
import com.luckygas.delivery.proof.ProofFiles;
import com.luckygas.delivery.proof.ProofImages;
import com.luckygas.delivery.proof.Proofs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Safety checks of customers' gas installations (issue 18), recorded once per key like the
 * driver's other actions ({@link DriverActions}): at a stop by its driver (the stop names the
 * customer and its type) or at a customer by the safety technician or the office (customer-service
 * names the type). The interval, next due date and open issues are SQL's rules (V16); this class
 * records and reads.
 */
@ApplicationScoped
public class SafetyChecks {

    /** How far back a check done on paper may still be entered. */
    static final int PAPER_DAYS = 92;

    static final String COLUMNS = """
            id, check_key, customer_id, customer_type, order_id, checked_at, checked_by, checker_role, driver_id,
            hose, regulator, leak_test, placement_ventilation, gas_detector, passed, notes, photo_object, recorded_at""";

    private final EntityManager em;
    private final DriverActions actions;
    private final ProofFiles files;
    private final CustomerClient customers;
    private final Clock clock;

    SafetyChecks(EntityManager em, DriverActions actions, ProofFiles files, @RestClient CustomerClient customers, Clock clock) {
        this.em = em;
        this.actions = actions;
        this.files = files;
        this.customers = customers;
        this.clock = clock;
    }

    /**
     * Records a check once per key; {@code role}: the caller's (DRIVER, TECHNICIAN, OFFICE, ADMIN).
     * {@code batched}: one of a sync's actions.
     */
    public DriverActions.Answer record(String key, RecordCheck request, Caller caller, String role, boolean batched) {
        return actions.once(key, new DriverActions.Action(DriverActions.Kind.SAFETY_CHECK, request.orderId(), request),
                request.checkedAt(), caller, () -> new DriverActions.Outcome(insert(key, request, caller, role), null),
                batched);
    }

    private CheckView insert(String key, RecordCheck request, Caller caller, String role) {
        Long customerId = request.customerId();
        String type;
        OffsetDateTime at;
        if (request.orderId() != null) {
            Order order = Order.findById(request.orderId());
            if (order == null || !caller.mayActOn(order.driverId)) {
                throw ProblemException.notFound("No order with id " + request.orderId() + ".");
            }
            if (customerId != null && !customerId.equals(order.customerId)) {
                throw ProblemException.invalidField("customerId", "is not the customer of order " + order.id);
            }
            customerId = order.customerId;
            type = order.customerType;
            at = PhoneTime.of(request.checkedAt(), order.requestedDate, clock, "checkedAt", "the stop's day, " + order.requestedDate);
        } else {
            if (caller.driver()) {
                throw ProblemException.invalidField("orderId", "is required: a driver checks at one of his stops");
            }
            if (customerId == null) {
                throw ProblemException.invalidField("customerId", "is required without an orderId");
            }
            CustomerClient.Found found = customers.lookup(new CustomerClient.Lookup(List.of(customerId)));
            if (found.items().isEmpty()) {
                throw ProblemException.invalidField("customerId", "is not a customer");
            }
            type = found.items().get(0).type();
            LocalDate earliest = LocalDate.now(clock).minusDays(PAPER_DAYS);
            at = PhoneTime.of(request.checkedAt(), earliest, clock, "checkedAt", earliest + " (" + PAPER_DAYS + " days ago)");
        }
        ProofFiles.Stored photo = request.photo() == null ? null
                : storePhoto(customerId, key, files.check(Proofs.decode(request.photo(), "photo")));
        RecordCheck.Items items = request.items();
        long id = ((Number) em.createNativeQuery("""
                INSERT INTO delivery.safety_check (check_key, customer_id, customer_type, order_id, checked_at, checked_by,
                    checker_role, driver_id, hose, regulator, leak_test, placement_ventilation, gas_detector, notes,
                    photo_object, photo_media_type)
                VALUES (:key, :customer, :type, :order, :at, :by, :role, :driver, :hose, :regulator, :leak, :placement,
                    :detector, :notes, :photo, :media) RETURNING id""")
                .setParameter("key", key).setParameter("customer", customerId).setParameter("type", type)
                .setParameter("order", request.orderId()).setParameter("at", at).setParameter("by", caller.username())
                .setParameter("role", role).setParameter("driver", caller.driverId())
                .setParameter("hose", items.hose()).setParameter("regulator", items.regulator())
                .setParameter("leak", items.leakTest()).setParameter("placement", items.placementVentilation())
                .setParameter("detector", items.gasDetector()).setParameter("notes", request.notes())
                .setParameter("photo", photo == null ? null : photo.name())
                .setParameter("media", photo == null ? null : photo.mediaType())
                .getSingleResult()).longValue();
        return findOrNull(id);
    }

    /**
     * The photo of a check sent afterwards: by whoever recorded the check, or the office. 201 when
     * stored, 200 when the same file was there already; 409 when the check has another photo.
     * Needs a transaction.
     */
    public Attached photo(long id, byte[] data, Caller caller) {
        CheckView check = visible(id, caller);
        ProofImages.Clean clean = files.check(data);
        String current = (String) em.createNativeQuery(
                        "SELECT photo_object FROM delivery.safety_check WHERE id = :id FOR UPDATE")
                .setParameter("id", id).getSingleResult();
        if (current != null) {
            // the object's name carries its content's hash: the same file is the same name
            if (!current.equals(photoName(check.customerId(), check.key(), clean))) {
                throw ProblemException.conflict("Check " + id + " has its photo already; a check keeps the one it was recorded with.");
            }
            return new Attached(check, false);
        }
        ProofFiles.Stored stored = storePhoto(check.customerId(), check.key(), clean);
        em.createNativeQuery("UPDATE delivery.safety_check SET photo_object = :name, photo_media_type = :type WHERE id = :id")
                .setParameter("name", stored.name()).setParameter("type", stored.mediaType()).setParameter("id", id)
                .executeUpdate();
        return new Attached(findOrNull(id), true);
    }

    /** Where a check's photo is kept: by customer and key, with its content's hash. */
    private static String photoPrefix(long customerId, String key, ProofImages.Clean clean) {
        return "safety/" + customerId + "/" + key + "-" + ProofFiles.sha256(clean.bytes()).substring(0, 16);
    }

    private static String photoName(long customerId, String key, ProofImages.Clean clean) {
        return photoPrefix(customerId, key, clean) + "." + clean.extension();
    }

    private ProofFiles.Stored storePhoto(long customerId, String key, ProofImages.Clean clean) {
        return files.put(photoPrefix(customerId, key, clean), clean);
    }

    /** A check's photo was stored ({@code created}) or was there already. */
    public record Attached(CheckView check, boolean created) {
    }

    /** A check's photo file (media type, bytes); 404 when it has none or the caller may not see it. */
    public Proofs.File photoOf(long id, Caller caller) {
        visible(id, caller);
        Object[] row = (Object[]) em.createNativeQuery(
                "SELECT photo_object, photo_media_type FROM delivery.safety_check WHERE id = :id")
                .setParameter("id", id).getSingleResult();
        if (row[0] == null) {
            throw ProblemException.notFound("Check " + id + " has no photo.");
        }
        byte[] bytes = files.get((String) row[0]).orElseThrow(() -> ProblemException.notFound("The photo's file is missing."));
        return new Proofs.File((String) row[1], bytes);
    }

    /**
     * A check for whoever may see it: the office, the technicians, and the one who recorded it (a
     * driver sees only his own). 404 otherwise.
     */
    public CheckView visible(long id, Caller caller) {
        CheckView check = findOrNull(id);
        if (check == null || caller.driver() && !caller.username().equals(check.checkedBy())) {
            throw ProblemException.notFound("No safety check with id " + id + ".");
        }
        return check;
    }

    private CheckView findOrNull(long id) {
        List<CheckView> found = list("WHERE id = :id", q -> q.setParameter("id", id));
        return found.isEmpty() ? null : found.get(0);
    }

    /** Checks by a where clause (on safety_check), with its parameters bound. */
    List<CheckView> list(String where, java.util.function.UnaryOperator<jakarta.persistence.Query> bind) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind.apply(em.createNativeQuery("SELECT " + COLUMNS + " FROM delivery.safety_check " + where))
                .getResultList();
        return rows.stream().map(SafetyChecks::view).toList();
    }

    static CheckView view(Object[] r) {
        long id = ((Number) r[0]).longValue();
        return new CheckView(id, (String) r[1], ((Number) r[2]).longValue(), (String) r[3],
                r[4] == null ? null : ((Number) r[4]).longValue(), Rows.time(r[5], BusinessClock.TAIPEI), (String) r[6],
                (String) r[7], (String) r[8],
                new RecordCheck.Items((Boolean) r[9], (Boolean) r[10], (Boolean) r[11], (Boolean) r[12], (Boolean) r[13]),
                (Boolean) r[14], (String) r[15], r[16] == null ? null : "/api/safety/checks/" + id + "/photo",
                Rows.time(r[17], BusinessClock.TAIPEI));
    }
}
