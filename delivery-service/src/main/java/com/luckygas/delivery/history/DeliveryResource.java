package com.luckygas.delivery.history;

import com.luckygas.common.security.Roles;
import com.luckygas.common.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.validation.Valid;
import com.luckygas.delivery.jobs.Job;
import com.luckygas.delivery.jobs.Jobs;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import jakarta.ws.rs.QueryParam;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Deliveries: a customer's history, newest first, in cursor pages (the table is big). Pass a
 * page's {@code next} as {@code cursor} for the following one; {@code next} is null at the end.
 */
@Path("/api/deliveries")
@RolesAllowed({Roles.ADMIN, Roles.OFFICE})
public class DeliveryResource {

    private final CustomerHistory history;
    private final Jobs jobs;
    private final DeliveryCorrections corrections;
    private final JsonWebToken jwt;
    private final SecurityIdentity caller;

    DeliveryResource(CustomerHistory history, Jobs jobs, DeliveryCorrections corrections, JsonWebToken jwt,
                     SecurityIdentity caller) {
        this.history = history;
        this.jobs = jobs;
        this.corrections = corrections;
        this.jwt = jwt;
        this.caller = caller;
    }

    /**
     * Corrects a delivery recorded wrong: its items, money and payment method as they should be,
     * with the reason (audited). The office may while the driver's day is open; after the office
     * closed his cash for that day only an ADMIN may (403 otherwise), and the close follows.
     */
    @POST
    @Path("/{id}/corrections")
    public DeliveryView correct(@PathParam("id") long id, @Valid @NotNull DeliveryCorrections.Correction correction) {
        return corrections.correct(id, correction, jwt.getName(), jwt.getGroups().contains(Roles.ADMIN));
    }

    public record Archived(long moved) {
    }

    /**
     * Runs the archival now (the job archival, daily; {@code POST /api/jobs/archival}): moves deliveries older
     * than the working window. Recorded as a run of that job.
     */
    @POST
    @Path("/archive")
    @RolesAllowed(Roles.ADMIN)
    public Archived archive() {
        return new Archived(jobs.run(Job.ARCHIVAL, Jobs.by(caller)).count());
    }

    /**
     * One customer's deliveries, newest first (then highest id). Pass the {@code next} of a page as
     * {@code cursor} for the following one. One statement per page, on the indexes on (customer,
     * delivered_at desc, id desc) of the live and archive tables (CustomerHistory).
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "A page of deliveries",
                 content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerHistory.Page.class)))
    public byte[] history(@QueryParam("customerId") @NotNull Long customerId,
                                            @QueryParam("cursor") String cursor,
                                            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        CustomerHistory.After after = cursor == null || cursor.isBlank() ? null : decode(cursor);
        return history.page(customerId, after, limit, DeliveryResource::encode);
    }

    static String encode(OffsetDateTime deliveredAt, Long id) {
        Instant at = deliveredAt.toInstant();
        String raw = at.getEpochSecond() + "." + at.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /** A cursor carries a delivery's time: anything outside these years was not made by {@link #encode}. */
    private static final Instant FIRST_CURSOR = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LAST_CURSOR = Instant.parse("9999-12-31T23:59:59Z");

    static CustomerHistory.After decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            String[] parts = raw.split("[.:]");
            Instant at = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            if (at.isBefore(FIRST_CURSOR) || at.isAfter(LAST_CURSOR)) {
                throw new IllegalArgumentException("outside PostgreSQL's timestamps");
            }
            return new CustomerHistory.After(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), Long.parseLong(parts[2]));
        } catch (RuntimeException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor this API returned");
        }
    }
}
