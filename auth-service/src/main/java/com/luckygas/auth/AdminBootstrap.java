package com.luckygas.auth;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the first ADMIN account, {@code admin}, when it does not exist. Its password comes from
 * {@code LUCKYGAS_ADMIN_PASSWORD}; when that is unset a random one is generated and printed once,
 * in this start's log. There is never a fixed default password.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    @ConfigProperty(name = "luckygas.admin.password")
    Optional<String> configuredPassword;

    final Passwords passwords;
    final EntityManager em;

    AdminBootstrap(Passwords passwords, EntityManager em) {
        this.passwords = passwords;
        this.em = em;
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        if (User.findByUsername("admin").isPresent()) {
            return;
        }
        String password = configuredPassword.filter(p -> !p.isBlank()).orElseGet(AdminBootstrap::generate);
        // ON CONFLICT: two instances starting at once on an empty database create one admin.
        int created = em.createNativeQuery("""
                INSERT INTO auth.app_user (username, display_name, role, password_hash)
                VALUES ('admin', 'Administrator', 'ADMIN', ?1)
                ON CONFLICT (username) DO NOTHING""")
                .setParameter(1, passwords.hash(password))
                .executeUpdate();
        if (created == 1) {
            if (configuredPassword.filter(p -> !p.isBlank()).isPresent()) {
                LOG.info("Created the first ADMIN account 'admin' with the password from LUCKYGAS_ADMIN_PASSWORD");
            } else {
                LOG.warnf("Created the first ADMIN account 'admin'. Generated password (shown once): %s", password);
            }
        }
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
