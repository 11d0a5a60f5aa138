package com.luckygas.delivery.notification.sms;

/**
 * Where text messages go. {@code messageId} is stable for one message across retries, so a
 * gateway that honours it never delivers the same message twice.
 */
public interface SmsGateway {

    void send(String phone, String text, String messageId) throws SmsException;

    class SmsException extends Exception {
        public SmsException(String message) {
            super(message);
        }

        public SmsException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
