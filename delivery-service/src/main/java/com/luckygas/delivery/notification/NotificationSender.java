package com.luckygas.delivery.notification;

import com.luckygas.delivery.notification.sms.SmsGateway;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Sends the outbox. Each batch is claimed with {@code FOR UPDATE SKIP LOCKED} (several instances
 * never take the same message), sent, and marked in the same transaction. A failure is retried
 * with exponential backoff; a crash before the commit leaves the message PENDING, so it is sent
 * again later under the same message id, which the gateway uses to drop the duplicate.
 */
@ApplicationScoped
public class NotificationSender {

    private static final Logger LOG = Logger.getLogger(NotificationSender.class);
    static final int BATCH = 20;

    final int maxAttempts;
    final EntityManager em;
    final SmsGateway gateway;

    NotificationSender(SmsConfig config, EntityManager em, SmsGateway gateway) {
        this.maxAttempts = config.maxAttempts();
        this.em = em;
        this.gateway = gateway;
    }

    /** Sends every message that is due; returns how many were sent. */
    public int sendDue() {
        int sent = 0;
        int claimed;
        do {
            int[] result = QuarkusTransaction.requiringNew().call(this::sendBatch);
            claimed = result[0];
            sent += result[1];
        } while (claimed == BATCH);
        return sent;
    }

    @SuppressWarnings("unchecked")
    private int[] sendBatch() {
        List<Notification> due = em.createNativeQuery("""
                SELECT * FROM delivery.notification
                WHERE status = 'PENDING' AND next_attempt_at <= now()
                ORDER BY next_attempt_at, id LIMIT %d FOR UPDATE SKIP LOCKED""".formatted(BATCH), Notification.class)
                .getResultList();
        int sent = 0;
        for (Notification n : due) {
            try {
                gateway.send(n.phone, n.body, "notification-" + n.id);
                n.status = "SENT";
                n.sentAt = OffsetDateTime.now();
                sent++;
            } catch (SmsGateway.SmsException | RuntimeException e) {
                n.attempts++;
                n.lastError = String.valueOf(e.getMessage());
                if (n.attempts >= maxAttempts) {
                    n.status = "GAVE_UP";
                    LOG.errorf("SMS %d to %s given up after %d attempts: %s", n.id, n.phone, n.attempts, n.lastError);
                } else {
                    n.nextAttemptAt = OffsetDateTime.now().plus(backoff(n.attempts));
                    LOG.warnf("SMS %d to %s failed (attempt %d), retrying later: %s", n.id, n.phone, n.attempts, n.lastError);
                }
            }
        }
        return new int[] {due.size(), sent};
    }

    /** 30 s, 1 min, 2 min, … capped at 1 hour. */
    static Duration backoff(int attempts) {
        return Duration.ofSeconds(Math.min(3600, 30L << Math.min(attempts - 1, 7)));
    }
}
