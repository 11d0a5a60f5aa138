package com.luckygas.delivery.notification.sms;

import org.jboss.logging.Logger;

/** The local and test default: writes each message to the log instead of sending it. */
public class LoggingSmsGateway implements SmsGateway {

    private static final Logger LOG = Logger.getLogger(LoggingSmsGateway.class);

    @Override
    public void send(String phone, String text, String messageId) {
        LOG.infof("SMS %s to %s: %s", messageId, phone, text);
    }
}
