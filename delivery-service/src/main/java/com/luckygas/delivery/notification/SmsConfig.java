package com.luckygas.delivery.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The SMS outbox and its gateway ({@code luckygas.sms.*}). */
@ConfigMapping(prefix = "luckygas.sms")
public interface SmsConfig {

    /** The HTTP gateway (LUCKYGAS_SMS_GATEWAY_URL); without it messages are written to the log. */
    Optional<URI> gatewayUrl();

    /** The gateway's key (LUCKYGAS_SMS_API_KEY). */
    Optional<String> apiKey();

    /** How often the outbox is sent. */
    @WithDefault("10s")
    Duration sendEvery();

    /** Tries before a message is given up as FAILED (with exponential backoff between them). */
    @WithDefault("8")
    int maxAttempts();
}
