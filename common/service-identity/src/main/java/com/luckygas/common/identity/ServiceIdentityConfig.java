package com.luckygas.common.identity;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Who this service is to auth-service ({@code luckygas.service.*}, docs/adr/0002). */
@ConfigMapping(prefix = "luckygas.service")
public interface ServiceIdentityConfig {

    /** This service's name, as auth-service's {@code luckygas.service-clients.<name>} knows it. */
    String clientId();

    /** Its secret (LUCKYGAS_SERVICE_CLIENT_SECRET); without it the service's own work answers 503. */
    Optional<String> clientSecret();
}
