package com.luckygas.delivery.forecast;

import com.luckygas.delivery.customer.CustomerClient;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * customer-service's records of the customers a forecast names, asked for 500 at a time and kept
 * in the {@value #CACHE} cache (its lifetime is {@code quarkus.cache.caffeine."customer-profiles".expire-after-write}).
 * A customer customer-service does not know is remembered as such, so it is not asked for again
 * on every page.
 */
@ApplicationScoped
public class CustomerProfiles {

    static final String CACHE = "customer-profiles";
    static final int BATCH = 500;

    private final CaffeineCache known;
    private final CustomerClient customers;

    CustomerProfiles(@CacheName(CACHE) Cache known, @RestClient CustomerClient customers) {
        this.known = known.as(CaffeineCache.class);
        this.customers = customers;
    }

    /** The records of those of {@code ids} customer-service knows, by id. */
    public Map<Long, CustomerClient.Profile> of(Collection<Long> ids) {
        Map<Long, CustomerClient.Profile> out = new HashMap<>();
        List<Long> ask = new ArrayList<>();
        for (Long id : ids) {
            CompletableFuture<Optional<CustomerClient.Profile>> cached = known.getIfPresent(id);
            if (cached != null && cached.isDone() && !cached.isCompletedExceptionally()) {
                cached.join().ifPresent(p -> out.put(id, p));
            } else {
                ask.add(id);
            }
        }
        for (int i = 0; i < ask.size(); i += BATCH) {
            List<Long> chunk = ask.subList(i, Math.min(ask.size(), i + BATCH));
            CustomerClient.Profiles found = customers.profiles(new CustomerClient.Lookup(chunk));
            for (CustomerClient.Profile p : found.items()) {
                out.put(p.id(), p);
                known.put(p.id(), CompletableFuture.completedFuture(Optional.of(p)));
            }
            if (found.missing() != null) {
                found.missing().forEach(id -> known.put(id, CompletableFuture.completedFuture(Optional.empty())));
            }
        }
        return out;
    }
}
