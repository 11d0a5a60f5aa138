package com.luckygas.delivery;

import com.luckygas.delivery.notification.sms.SmsGateway;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** The tests' SMS gateway: records what was sent, and can be told to fail the next N sends. */
@Alternative
@Priority(1)
@ApplicationScoped
public class RecordingSmsGateway implements SmsGateway {

    public record Sent(String phone, String text, String messageId) {
    }

    // Reached through methods only: the tests hold a client proxy, whose fields are not this bean's.
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();

    public List<Sent> sent() {
        return sent;
    }

    public void failNext(int sends) {
        failNext.set(sends);
    }

    public void reset() {
        sent.clear();
        failNext.set(0);
    }

    @Override
    public void send(String phone, String text, String messageId) throws SmsException {
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new SmsException("gateway down (test)");
        }
        sent.add(new Sent(phone, text, messageId));
    }
}
