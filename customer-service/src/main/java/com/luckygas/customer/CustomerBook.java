package com.luckygas.customer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.luckygas.common.Problem;
import com.luckygas.common.ProblemException;
import com.luckygas.common.Versions;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.StatelessSession;

/**
 * Writes to the customer book, with the rules that span several fields or rows: phone numbers
 * normalised, area from the managed list, unique code, and no lost update (every change names
 * the version it was made against). Reads of one customer are cached; a change evicts the entry
 * after its transaction commits, so the next read sees it.
 */
@ApplicationScoped
public class CustomerBook {

    static final String CACHE = "customer";

    final EntityManager em;
    final ObjectMapper mapper;
    final Validator validator;
    final TransactionSynchronizationRegistry transactions;
    final Cache cache;
    final StatelessSession stateless;

    CustomerBook(EntityManager em, ObjectMapper mapper, Validator validator,
                 TransactionSynchronizationRegistry transactions, @CacheName(CACHE) Cache cache,
                 StatelessSession stateless) {
        this.em = em;
        this.stateless = stateless;
        this.mapper = mapper;
        this.validator = validator;
        this.transactions = transactions;
        this.cache = cache;
    }

    @CacheResult(cacheName = CACHE)
    public CustomerView view(long id) {
        return CustomerView.of(find(id));
    }

    /**
     * Customers by id, in one statement whatever the number of ids (one array parameter). The
     * mapped columns only (the search grams stay in the database), loaded through a stateless
     * session: nothing is snapshotted or tracked for changes that will never come, which at 500
     * customers a call was a third of the service's time.
     */
    static final String LOOKUP_SQL = "SELECT id, code, short_name, invoice_title, phones, address, area, latitude, longitude, "
            + "customer_type, payment_term, pricing_method, accepted_hours, preferred_slot, closed_days, vehicle_access, "
            + "avg_daily_use_kg, max_cycle_days, allowed_delay_days, monthly_volume, subscription_member, needs_same_day, "
            + "terminated, equipment, cylinders_held, delivery_notes, active, incomplete, created_at, updated_at, version "
            + "FROM customer.customer WHERE id = ANY(CAST(:ids AS bigint[]))";

    public List<CustomerView> lookup(java.util.Collection<Long> ids) {
        return stateless.createNativeQuery(LOOKUP_SQL, Customer.class)
                .setParameter("ids", ids.toArray(Long[]::new)).getResultList().stream().map(CustomerView::of).toList();
    }

    @Transactional
    public CustomerView create(CustomerInput input) {
        Customer customer = new Customer();
        apply(input, customer);
        customer.persist();
        flush();
        return CustomerView.of(customer);
    }

    /** Full update: fields left out are cleared (or set to their defaults). */
    @Transactional
    public CustomerView replace(long id, CustomerInput input, Long ifMatch) {
        Customer customer = find(id);
        Versions.requirePrecondition(ifMatch != null ? ifMatch : input.version(), customer.version, "Customer " + customer.code);
        apply(input, customer);
        return saved(customer);
    }

    /** Partial update (JSON merge patch, RFC 7386): the patch is merged onto the customer, then validated whole. */
    @Transactional
    public CustomerView patch(long id, JsonNode patch, Long ifMatch) {
        if (patch == null || !patch.isObject()) {
            throw new ProblemException(Problem.invalid("The body must be a JSON object of the fields to change.", null));
        }
        Customer customer = find(id);
        JsonNode version = patch.get("version");
        Versions.requirePrecondition(ifMatch != null ? ifMatch : version != null && version.canConvertToLong() ? version.asLong() : null,
                customer.version, "Customer " + customer.code);
        JsonNode merged = mergePatch(mapper.valueToTree(CustomerView.of(customer).toInput()), patch);
        CustomerInput input;
        try {
            input = mapper.treeToValue(merged, CustomerInput.class);
        } catch (JsonProcessingException e) {
            throw new jakarta.ws.rs.BadRequestException(e);
        }
        Set<ConstraintViolation<CustomerInput>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        apply(input, customer);
        return saved(customer);
    }

    @Transactional
    public CustomerView setActive(long id, boolean active) {
        Customer customer = find(id);
        customer.active = active;
        return saved(customer);
    }

    /** Removes a customer the caller has established has no orders or deliveries. */
    @Transactional
    public void delete(long id) {
        Customer customer = find(id);
        customer.delete();
        evictAfterCommit(id);
    }

    static Customer find(long id) {
        return Customer.<Customer>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("No customer with id " + id + "."));
    }

    private CustomerView saved(Customer customer) {
        flush();
        evictAfterCommit(customer.id);
        return CustomerView.of(customer);
    }

    private void apply(CustomerInput in, Customer c) {
        List<Problem.Violation> violations = new ArrayList<>();
        String code = in.code().trim();
        if (!code.equals(c.code) && Customer.count("code", code) > 0) {
            throw ProblemException.taken("code", "Customer code " + code + " is already used.", "is already used");
        }
        List<String> phones = new ArrayList<>();
        List<String> rawPhones = in.phones() == null ? List.of() : in.phones();
        for (int i = 0; i < rawPhones.size(); i++) {
            int index = i;
            PhoneNumbers.normalise(rawPhones.get(i)).ifPresentOrElse(
                    p -> { if (!phones.contains(p)) { phones.add(p); } },
                    () -> violations.add(new Problem.Violation("phones[" + index + "]", "is not a valid Taiwan phone number")));
        }
        String area = blankToNull(in.area());
        if (area != null && Area.findById(area) == null) {
            violations.add(new Problem.Violation("area", "is not a known area (see /api/customers/areas)"));
        }
        if ((in.latitude() == null) != (in.longitude() == null)) {
            violations.add(new Problem.Violation(in.latitude() == null ? "latitude" : "longitude",
                    "give both latitude and longitude, or neither"));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid("The request has invalid fields.", violations));
        }
        c.code = code;
        c.shortName = in.shortName().trim();
        c.invoiceTitle = blankToNull(in.invoiceTitle());
        c.phones = phones.toArray(String[]::new);
        c.address = blankToNull(in.address());
        c.area = area;
        c.latitude = in.latitude();
        c.longitude = in.longitude();
        c.type = blankToNull(in.type());
        c.paymentTerm = in.paymentTerm() != null ? in.paymentTerm() : Customer.PaymentTerm.CASH;
        c.pricingMethod = blankToNull(in.pricingMethod());
        c.acceptedHours = in.acceptedHours() == null ? new Integer[0]
                : new TreeSet<>(in.acceptedHours()).toArray(Integer[]::new);
        c.preferredSlot = in.preferredSlot() != null ? in.preferredSlot() : Customer.Slot.ANY;
        c.closedDays = blankToNull(in.closedDays());
        c.vehicleAccess = in.vehicleAccess() != null ? in.vehicleAccess() : Customer.VehicleAccess.ANY;
        c.avgDailyUseKg = in.avgDailyUseKg();
        c.maxCycleDays = in.maxCycleDays();
        c.allowedDelayDays = in.allowedDelayDays();
        c.monthlyVolume = in.monthlyVolume();
        c.subscriptionMember = Boolean.TRUE.equals(in.subscriptionMember());
        c.needsSameDay = Boolean.TRUE.equals(in.needsSameDay());
        c.terminated = Boolean.TRUE.equals(in.terminated());
        c.equipment = in.equipment() == null ? new String[0]
                : in.equipment().stream().map(Enum::name).sorted().toArray(String[]::new);
        // c.cylindersHeld is not written: the cylinder ledger keeps what a customer holds (docs/adr/0009);
        // the column keeps the client list's count, which the importer writes and takes the ledger's opening from
        c.deliveryNotes = blankToNull(in.deliveryNotes());
        c.incomplete = false;
    }

    /** Writes now, so that a lost race (same code, same version) is answered 409 here, not at commit. */
    private void flush() {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (e instanceof jakarta.persistence.OptimisticLockException) {
                throw e;
            }
            if (String.valueOf(e.getMessage()).contains("customer_code_key")
                    || e.getCause() != null && String.valueOf(e.getCause().getMessage()).contains("customer_code_key")) {
                throw ProblemException.conflict("This customer code is already used.");
            }
            throw e;
        }
    }

    private void evictAfterCommit(long id) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                cache.invalidate(id).await().indefinitely();
            }
        });
    }

    /** RFC 7386 by JSON-P's implementation: null removes a member, objects merge, anything else replaces. */
    private JsonNode mergePatch(JsonNode target, JsonNode patch) {
        try {
            JsonValue merged = Json.createMergePatch(jsonp(patch)).apply(jsonp(target));
            return mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(merged.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON-P wrote what Jackson cannot read", e);
        }
    }

    private JsonValue jsonp(JsonNode node) throws JsonProcessingException {
        try (JsonReader reader = Json.createReader(new StringReader(mapper.writeValueAsString(node)))) {
            return reader.readValue();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
