package com.luckygas.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How passwords are stored and guessing is stopped ({@code luckygas.auth.*}). */
@ConfigMapping(prefix = "luckygas.auth")
public interface LoginConfig {

    /** BCrypt's cost (2^cost rounds); 12 takes about a quarter of a second here. */
    @WithDefault("12")
    int bcryptCost();

    /** Failed logins in a row that lock an account. */
    @WithDefault("5")
    int maxFailedLogins();

    /** How long a locked account stays locked. */
    @WithDefault("PT15M")
    Duration lockout();
}
