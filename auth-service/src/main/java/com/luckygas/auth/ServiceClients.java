package com.luckygas.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import java.util.Map;

/**
 * The services that may obtain a service token for work no user started (docs/adr/0002):
 * {@code luckygas.service-clients.<name>.secret-sha256} is the SHA-256 (hex) of that service's
 * secret, e.g. from LUCKYGAS_SERVICE_CLIENTS_DELIVERY_SERVICE_SECRET_SHA256.
 */
@ConfigMapping(prefix = "luckygas.service-clients")
public interface ServiceClients {

    @WithParentName
    Map<String, Client> clients();

    interface Client {
        String secretSha256();
    }
}
