package com.luckygas.delivery.card;

import com.luckygas.common.ProblemException;
import com.luckygas.common.calls.ServiceUnavailableException;
import com.luckygas.delivery.account.Accounts;
import com.luckygas.delivery.card.CustomerCard.Part;
import com.luckygas.delivery.card.CustomerCard.Unavailable;
import com.luckygas.delivery.customer.CustomerClient;
import com.luckygas.delivery.cylinder.CylinderBalances;
import com.luckygas.delivery.forecast.RunOutForecast;
import com.luckygas.delivery.history.CustomerHistory;
import com.luckygas.delivery.order.OrderList;
import com.luckygas.delivery.safety.SafetyBook;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Composes the customer card (docs/adr/0012): the customer from customer-service (one bulk-lookup
 * call, two seconds at most), every other part from this service's own tables through the same
 * classes that serve their own endpoints — so the card never says something the cylinder, account
 * or safety screens would not. Each local part is read in its own short read-only transaction
 * with a statement timeout ({@code luckygas.card.part-timeout}): a part that fails or is too slow
 * is marked unavailable and the others still show; the card as a whole never fails for one part.
 */
@ApplicationScoped
public class CustomerCards {

    static final int DELIVERIES_SHOWN = 5;
    private static final Logger LOG = Logger.getLogger(CustomerCards.class);
    /** PostgreSQL's query_canceled: the statement timeout. */
    private static final String CANCELED = "57014";

    private final CustomerClient customers;
    private final OrderList orders;
    private final CustomerHistory history;
    private final RunOutForecast forecast;
    private final CylinderBalances cylinders;
    private final Accounts accounts;
    private final SafetyBook safety;
    private final EntityManager em;
    private final Clock clock;
    private final Duration partTimeout;

    CustomerCards(@RestClient CustomerClient customers, OrderList orders, CustomerHistory history, RunOutForecast forecast,
                  CylinderBalances cylinders, Accounts accounts, SafetyBook safety, EntityManager em, Clock clock,
                  @ConfigProperty(name = "luckygas.card.part-timeout", defaultValue = "2s") Duration partTimeout) {
        this.customers = customers;
        this.orders = orders;
        this.history = history;
        this.forecast = forecast;
        this.cylinders = cylinders;
        this.accounts = accounts;
        this.safety = safety;
        this.em = em;
        this.clock = clock;
        this.partTimeout = partTimeout;
    }

    /** The card of {@code customerId}; 404 when customer-service says there is no such customer. */
    public CustomerCard of(long customerId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        List<Unavailable> unavailable = new ArrayList<>();
        CustomerClient.Details customer = customer(customerId, unavailable);
        return new CustomerCard(customerId, now, customer,
                local(Part.openOrders, unavailable, () -> orders.open(customerId)),
                local(Part.lastDeliveries, unavailable, () -> history.read(customerId, null, DELIVERIES_SHOWN)),
                local(Part.runOut, unavailable,
                        () -> forecast.of(customerId, today, customer == null ? null : customer.avgDailyUseKg())),
                local(Part.cylinders, unavailable, () -> cylinders.current(customerId)),
                local(Part.account, unavailable, () -> accounts.balance(customerId, today)),
                local(Part.safety, unavailable, () -> safety.status(customerId)),
                List.copyOf(unavailable));
    }

    private CustomerClient.Details customer(long customerId, List<Unavailable> unavailable) {
        CustomerClient.Detailed found;
        try {
            found = customers.details(new CustomerClient.Lookup(List.of(customerId)));
        } catch (ServiceUnavailableException e) {
            LOG.infof("customer card %d without the customer: %s", customerId, e.getMessage());
            unavailable.add(new Unavailable(Part.customer, e.getMessage()));
            return null;
        }
        if (found.items() == null || found.items().isEmpty()) {
            throw ProblemException.notFound("No customer with id " + customerId + ".");
        }
        return found.items().get(0);
    }

    /** One part read from this service's tables, or null (and named unavailable) when it could not be. */
    private <T> T local(Part part, List<Unavailable> unavailable, Supplier<T> read) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                // both for this transaction only, in one round trip
                em.createNativeQuery("SELECT set_config('transaction_read_only', 'on', true),"
                        + " set_config('statement_timeout', :timeout, true)")
                        .setParameter("timeout", String.valueOf(partTimeout.toMillis())).getSingleResult();
                return read.get();
            });
        } catch (RuntimeException e) {
            boolean slow = timedOut(e);
            if (slow) {
                LOG.warnf("customer card: %s took longer than %s", part, partTimeout);
            } else {
                LOG.errorf(e, "customer card: %s could not be read", part);
            }
            unavailable.add(new Unavailable(part, slow ? "took too long to read; try again in a moment"
                    : "could not be read; try again in a moment"));
            return null;
        }
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && CANCELED.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
