package com.luckygas.delivery.rest;

import com.luckygas.common.ProblemException;
import com.luckygas.delivery.Delivery;
import com.luckygas.delivery.DeliveryItem;
import com.luckygas.delivery.Dtos.CursorPage;
import com.luckygas.delivery.Dtos.DeliveryView;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Deliveries: a customer's history, newest first, in cursor pages (the table is big). */
@Path("/api/deliveries")
@RolesAllowed({"ADMIN", "OFFICE"})
public class DeliveryResource {

    /**
     * One customer's deliveries, newest first (then highest id). Pass the {@code next} of a page as
     * {@code cursor} for the following one. Served by the index on (customer, delivered_at desc,
     * id desc): two statements per page (deliveries, their items).
     */
    @GET
    public CursorPage<DeliveryView> history(@QueryParam("customerId") @NotNull Long customerId,
                                            @QueryParam("cursor") String cursor,
                                            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        Parameters params = Parameters.with("customer", customerId);
        String where = "customerId = :customer";
        if (cursor != null && !cursor.isBlank()) {
            Object[] after = decode(cursor);
            where += " and (deliveredAt < :at or (deliveredAt = :at and id < :id))";
            params.and("at", after[0]).and("id", after[1]);
        }
        List<Delivery> rows = Delivery.<Delivery>find(where, Sort.descending("deliveredAt", "id"), params)
                .range(0, limit).list();
        Map<Long, List<DeliveryItem>> items = rows.isEmpty() ? Map.of()
                : DeliveryItem.<DeliveryItem>list("deliveryId in ?1 order by productCode", rows.stream().map(d -> d.id).toList())
                        .stream().collect(Collectors.groupingBy(i -> i.deliveryId));
        List<DeliveryView> views = rows.stream().map(d -> DeliveryView.of(d, items.getOrDefault(d.id, List.of()))).toList();
        String next = rows.size() < limit ? null : encode(rows.get(rows.size() - 1));
        return new CursorPage<>(views, next);
    }

    static String encode(Delivery last) {
        Instant at = last.deliveredAt.toInstant();
        String raw = at.getEpochSecond() + "." + at.getNano() + ":" + last.id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    static Object[] decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            String[] parts = raw.split("[.:]");
            Instant at = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            return new Object[] {OffsetDateTime.ofInstant(at, ZoneOffset.UTC), Long.parseLong(parts[2])};
        } catch (RuntimeException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor this API returned");
        }
    }
}
