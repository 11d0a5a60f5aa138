package com.luckygas.delivery.notification.sms;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import com.luckygas.delivery.notification.SmsConfig;

/** Chooses the gateway: the HTTP one when {@code LUCKYGAS_SMS_GATEWAY_URL} is set, else the log. */
@ApplicationScoped
public class SmsGateways {

    @Produces
    @DefaultBean
    @ApplicationScoped
    SmsGateway gateway(SmsConfig config) {
        return config.gatewayUrl().<SmsGateway>map(u -> new HttpSmsGateway(u, config.apiKey().orElse("")))
                .orElseGet(LoggingSmsGateway::new);
    }
}
