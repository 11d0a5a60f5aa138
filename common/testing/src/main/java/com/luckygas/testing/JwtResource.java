package com.luckygas.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Makes the service under test trust {@link TestTokens}' key and issuer, and nothing else; and, for a
 * service with scheduled jobs (delivery-service), take TestTokens' scheduler tokens for Cloud Scheduler's.
 */
public class JwtResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "mp.jwt.verify.publickey.location", TestTokens.writeJwks().toUri().toString(),
                "mp.jwt.verify.issuer", TestTokens.ISSUER,
                "luckygas.scheduler.issuer", TestTokens.SCHEDULER_ISSUER,
                "luckygas.scheduler.jwks-url", TestTokens.writeSchedulerJwks().toUri().toString(),
                "luckygas.scheduler.audience", TestTokens.SCHEDULER_AUDIENCE,
                "luckygas.scheduler.account", TestTokens.SCHEDULER_ACCOUNT);
    }

    @Override
    public void stop() {
    }
}
