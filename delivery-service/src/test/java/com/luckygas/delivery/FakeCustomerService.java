package com.luckygas.delivery;

import com.luckygas.delivery.customer.CustomerClient;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for customer-service's {@code POST /api/customers/lookup} in this module's tests (the
 * REST client points at the test application). Refuses calls that do not carry the caller's
 * token, as the real one does, so the tests also prove the token is passed on.
 */
@Path("/api/customers/lookup")
public class FakeCustomerService {

    static final Map<Long, CustomerClient.Customer> CUSTOMERS = new ConcurrentHashMap<>();
    /** The client list's average daily use (kg), where a test sets one. */
    static final Map<Long, java.math.BigDecimal> DAILY_USE = new ConcurrentHashMap<>();
    /** How a customer pays, where a test sets it (CASH, MONTHLY, TRANSFER). */
    static final Map<Long, String> PAYMENT_TERM = new ConcurrentHashMap<>();
    /** Customers marked terminated. */
    static final java.util.Set<Long> TERMINATED = ConcurrentHashMap.newKeySet();
    /** Set to answer every lookup with 503, as a customer-service that is down. */
    static volatile boolean down;
    /** The tokens the lookups came with, newest last. */
    static final List<String> TOKENS = new java.util.concurrent.CopyOnWriteArrayList<>();

    static {
        CUSTOMERS.put(1L, new CustomerClient.Customer(1, "1032", "美味小吃", "中正區", "餐廳", true, List.of("0223456789", "0912345678")));
        CUSTOMERS.put(2L, new CustomerClient.Customer(2, "2001", "幸福工廠", "板橋區", "工廠", true, List.of("0223450000")));
        CUSTOMERS.put(3L, new CustomerClient.Customer(3, "3001", "已停用客戶", "中正區", "住家", false, List.of()));
    }

    @POST
    public Response lookup(CustomerClient.Lookup request, @HeaderParam("Authorization") String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return Response.status(401).build();
        }
        TOKENS.add(authorization.substring("Bearer ".length()));
        if (down) {
            return Response.status(503).build();
        }
        if (request.ids().size() > 500) { // as customer-service's LookupRequest
            return Response.status(400).build();
        }
        List<Entry> items = new ArrayList<>();
        List<Long> missing = new ArrayList<>();
        for (Long id : request.ids()) {
            CustomerClient.Customer customer = CUSTOMERS.get(id);
            if (customer != null) {
                items.add(new Entry(customer.id(), customer.code(), customer.shortName(), customer.area(), customer.type(),
                        customer.active(), customer.phones(), DAILY_USE.get(id), TERMINATED.contains(id),
                        PAYMENT_TERM.get(id)));
            } else {
                missing.add(id);
            }
        }
        return Response.ok(Map.of("items", items, "missing", missing)).build();
    }

    /** A customer as customer-service answers (the fields this service reads). */
    public record Entry(long id, String code, String shortName, String area, String type, boolean active,
                        List<String> phones, java.math.BigDecimal avgDailyUseKg, boolean terminated,
                        String paymentTerm) {
    }
}
