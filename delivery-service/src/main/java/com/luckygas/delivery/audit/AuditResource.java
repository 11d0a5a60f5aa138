package com.luckygas.delivery.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.luckygas.delivery.Rows;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.luckygas.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The ledgers' audit trail, newest first, for ADMINs: all of it, one ledger's, or one subject's. */
@Path("/api/ledgers/audit")
@RolesAllowed(Roles.ADMIN)
public class AuditResource {

    @Schema(name = "AuditEntry")
    public record Entry(long id, LedgerAudit.Ledger ledger, String action, String subject, JsonNode before,
                        JsonNode after, String actor, OffsetDateTime at) {
    }

    /** A page; {@code next} is the {@code before} of the following page (null at the end). */
    @Schema(name = "AuditPage")
    public record Page(List<Entry> items, Long next) {
    }

    static final String PAGE = """
            SELECT id, ledger, action, subject, before::text, after::text, actor, at
            FROM delivery.ledger_audit
            WHERE (CAST(:ledger AS text) IS NULL OR ledger = :ledger)
              AND (CAST(:subject AS text) IS NULL OR subject = :subject)
              AND (CAST(:before AS bigint) IS NULL OR id < :before)
            ORDER BY id DESC LIMIT :limit""";

    private final EntityManager em;
    private final ObjectMapper json;

    AuditResource(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** Changes newest first; {@code subject} like {@code customer:12}; pass {@code next} as {@code before}. */
    @GET
    @Transactional
    @SuppressWarnings("unchecked")
    public Page list(@QueryParam("ledger") LedgerAudit.Ledger ledger, @QueryParam("subject") String subject,
                     @QueryParam("before") @Positive Long before,
                     @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        List<Object[]> rows = em.createNativeQuery(PAGE)
                .setParameter("ledger", ledger == null ? null : ledger.name())
                .setParameter("subject", subject == null || subject.isBlank() ? null : subject.strip())
                .setParameter("before", before).setParameter("limit", limit)
                .getResultList();
        List<Entry> items = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            items.add(new Entry(((Number) r[0]).longValue(), LedgerAudit.Ledger.valueOf((String) r[1]), (String) r[2],
                    (String) r[3], tree((String) r[4]), tree((String) r[5]), (String) r[6], Rows.time(r[7], com.luckygas.common.BusinessClock.TAIPEI)));
        }
        return new Page(items, items.size() < limit ? null : items.get(items.size() - 1).id());
    }

    private JsonNode tree(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
