package com.luckygas.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;

/** bcrypt password hashing. Passwords longer than bcrypt's 72 bytes are pre-hashed, not cut off. */
@ApplicationScoped
public class Passwords {

    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;

    private final int cost;
    private final BCrypt.Hasher hasher = BCrypt.with(VERSION, LongPasswordStrategies.hashSha512(VERSION));
    private final BCrypt.Verifyer verifyer = BCrypt.verifyer(VERSION, LongPasswordStrategies.hashSha512(VERSION));
    /** Checked against when the user does not exist, so that both answers take as long. */
    private final String decoy;

    Passwords(LoginConfig config) {
        this.cost = config.bcryptCost();
        this.decoy = hash("decoy password that matches nobody");
    }

    public String hash(String password) {
        return hasher.hashToString(cost, password.toCharArray());
    }

    public boolean matches(String password, String hash) {
        return verifyer.verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    /** Spends the time of one check without a user to check against. */
    public void matchNobody(String password) {
        matches(password, decoy);
    }
}
