package com.luckygas.auth;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.util.Map;

/**
 * Settings of the service under test, for @QuarkusTest and for the packaged jar of
 * @QuarkusIntegrationTest alike: a known first-admin password, a fresh key directory (a key is
 * generated into it), and a cheap bcrypt cost.
 */
public class AuthTestSettings implements QuarkusTestResourceLifecycleManager {

    static final String SERVICE_SECRET = "delivery-test-secret";

    static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Map<String, String> start() {
        try {
            return Map.of(
                    "luckygas.admin.password", AuthApi.ADMIN_PASSWORD,
                    "luckygas.jwt.keys-dir", Files.createTempDirectory("luckygas-test-keys").toString(),
                    "luckygas.jwt.generate-if-missing", "true",
                    "luckygas.auth.bcrypt-cost", "4",
                    "luckygas.service-clients.delivery-service.secret-sha256", sha256(SERVICE_SECRET));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
    }
}
