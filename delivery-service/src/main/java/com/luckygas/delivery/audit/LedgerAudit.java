package com.luckygas.delivery.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The audit trail of the three ledgers (cylinders, cash, accounts): every change is written here
 * in the transaction that makes it, with who made it and the state before and after, as JSON.
 * Nothing is ever updated or deleted here.
 */
@ApplicationScoped
public class LedgerAudit {

    public enum Ledger { CYLINDERS, CASH, ACCOUNTS }

    static final String INSERT = """
            INSERT INTO delivery.ledger_audit (ledger, action, subject, before, after, actor)
            VALUES (:ledger, :action, :subject, CAST(:before AS jsonb), CAST(:after AS jsonb), :actor)""";

    private final EntityManager em;
    private final ObjectMapper json;

    LedgerAudit(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /**
     * Records one change: {@code subject} names what changed ({@code customer:12}, {@code cash:D01:2026-05-20}),
     * {@code before}/{@code after} are any records (null when there was none).
     */
    public void record(Ledger ledger, String action, String subject, Object before, Object after, String actor) {
        em.createNativeQuery(INSERT)
                .setParameter("ledger", ledger.name()).setParameter("action", action).setParameter("subject", subject)
                .setParameter("before", write(before)).setParameter("after", write(after)).setParameter("actor", actor)
                .executeUpdate();
    }

    private String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the audit record", e);
        }
    }
}
