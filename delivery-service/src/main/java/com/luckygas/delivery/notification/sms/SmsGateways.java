package com.luckygas.delivery.notification.sms;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Chooses the gateway: the HTTP one when {@code LUCKYGAS_SMS_GATEWAY_URL} is set, else the log. */
@ApplicationScoped
public class SmsGateways {

    @Produces
    @DefaultBean
    @ApplicationScoped
    SmsGateway gateway(@ConfigProperty(name = "luckygas.sms.gateway-url") Optional<URI> url,
                       @ConfigProperty(name = "luckygas.sms.api-key") Optional<String> apiKey) {
        return url.<SmsGateway>map(u -> new HttpSmsGateway(u, apiKey.orElse(""))).orElseGet(LoggingSmsGateway::new);
    }
}
