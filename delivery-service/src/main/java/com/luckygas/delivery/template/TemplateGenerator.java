package com.luckygas.delivery.template;

import com.luckygas.delivery.customer.CustomerClient;
import com.luckygas.delivery.order.OrderIntake;
import com.luckygas.common.calls.ServiceUnavailableException;
import com.luckygas.common.ProblemMappers;
import com.luckygas.common.identity.ServiceIdentity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Makes orders from recurring templates for the coming days (the job recurring-orders, and on demand). Customers are
 * read in one call with this service's own token; each order is created at most once per template
 * and day (OrderIntake.fromTemplate), so two instances running this together are harmless.
 */
@ApplicationScoped
public class TemplateGenerator {

    private static final Logger LOG = Logger.getLogger(TemplateGenerator.class);
    static final int LOOKUP_LIMIT = 500;

    final int daysAhead;
    final Clock clock;
    final OrderIntake intake;
    final CustomerClient customers;
    final ServiceIdentity identity;

    TemplateGenerator(TemplatesConfig config, Clock clock, OrderIntake intake, @RestClient CustomerClient customers,
                      ServiceIdentity identity) {
        this.daysAhead = config.daysAhead();
        this.clock = clock;
        this.intake = intake;
        this.customers = customers;
        this.identity = identity;
    }

    /** What a run did: orders made for {@code from..to} from {@code templates} templates, those whose customer is inactive. */
    public record Generation(LocalDate from, LocalDate to, int created, int templates, List<Long> inactive) {
        public String detail() {
            return created + " order(s) made for " + from + ".." + to + " from " + templates + " template(s)"
                    + (inactive.isEmpty() ? "" : "; customer inactive or unknown, no orders: templates " + inactive);
        }
    }

    /** How many days ahead of today the daily run makes orders for ({@code luckygas.templates.days-ahead}). */
    public int daysAhead() {
        return daysAhead;
    }

    /** The daily run: the missing orders of today (the business's) and the configured days ahead. */
    public Generation generateDaily() {
        return fromToday(daysAhead);
    }

    /** The missing orders of today (the business's) and the next {@code days} days. */
    public Generation fromToday(int days) {
        return run(LocalDate.now(clock), days);
    }

    /** Creates the missing orders for today and the next {@code days} days; returns how many were created. */
    public int generate(LocalDate from, int days) {
        return run(from, days).created();
    }

    /**
     * Creates the missing orders of {@code from} and the next {@code days} days. Each (template, day) has at
     * most one order, so the window is covered whole on every run: a run after missed nights, or late in the
     * day, makes exactly what is missing. Templates whose customer is deactivated are marked
     * ({@code customer_inactive_since}), so that their missing order of the day is not taken for a failure.
     */
    @ActivateRequestContext
    public Generation run(LocalDate from, int days) {
        LocalDate to = from.plusDays(days);
        List<OrderTemplate> templates = OrderTemplate.list(
                "paused = false and startDate <= ?1 and (endDate is null or endDate >= ?2) order by id", to, from);
        if (templates.isEmpty()) {
            return new Generation(from, to, 0, 0, List.of());
        }
        List<Long> ids = templates.stream().map(t -> t.customerId).distinct().toList();
        Map<Long, CustomerClient.Customer> byId = new HashMap<>();
        try {
            String bearer = identity.bearer();
            for (int i = 0; i < ids.size(); i += LOOKUP_LIMIT) { // customer-service answers up to 500 ids a call
                customers.lookup(bearer, new CustomerClient.Lookup(ids.subList(i, Math.min(ids.size(), i + LOOKUP_LIMIT))))
                        .items().forEach(c -> byId.put(c.id(), c));
            }
        } catch (ServiceUnavailableException e) {
            LOG.errorf("Recurring orders %s..%s: %s; no orders made, the next run makes them", from, to, e.getMessage());
            throw e;
        }
        int created = 0;
        List<Long> inactive = new ArrayList<>();
        List<Long> active = new ArrayList<>();
        for (OrderTemplate template : templates) {
            CustomerClient.Customer customer = byId.get(template.customerId);
            if (customer == null || !customer.active()) {
                LOG.warnf("Template %d: customer %d is unknown or deactivated; no orders made", template.id, template.customerId);
                inactive.add(template.id);
                continue;
            }
            active.add(template.id);
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                try {
                    if (template.fallsOn(day) && intake.fromTemplate(template, day, customer).isPresent()) {
                        created++;
                    }
                } catch (RuntimeException e) {
                    if (ProblemMappers.isDatabaseUnavailable(e)) {
                        throw e; // an outage, not this template's fault: the run stops and the next one catches up
                    }
                    // one template the database refuses must not stop every other customer's orders
                    LOG.errorf(e, "Template %d: the order for %s could not be made; the other templates go on", template.id, day);
                }
            }
        }
        markInactive(inactive, active);
        Generation generation = new Generation(from, to, created, templates.size(), List.copyOf(inactive));
        LOG.infof("Recurring orders: %s", generation.detail());
        return generation;
    }

    /** Not the template's own version: the office editing a template at the same time is not disturbed. */
    private void markInactive(List<Long> inactive, List<Long> active) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (!inactive.isEmpty()) {
                OrderTemplate.getEntityManager().createNativeQuery("""
                        UPDATE delivery.order_template SET customer_inactive_since = now()
                        WHERE id IN (:ids) AND customer_inactive_since IS NULL""")
                        .setParameter("ids", inactive).executeUpdate();
            }
            if (!active.isEmpty()) {
                OrderTemplate.getEntityManager().createNativeQuery("""
                        UPDATE delivery.order_template SET customer_inactive_since = NULL
                        WHERE id IN (:ids) AND customer_inactive_since IS NOT NULL""")
                        .setParameter("ids", active).executeUpdate();
            }
        });
    }
}
