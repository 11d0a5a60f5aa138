package com.luckygas.auth.token;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The signing keys and the lifetimes of the tokens this service issues ({@code luckygas.jwt.*}). */
@ConfigMapping(prefix = "luckygas.jwt")
public interface JwtConfig {

    /** The directory of the RS256 keys (*.pem); the JWKS lists them all. */
    Path keysDir();

    /** The key that signs (its file name without .pem); the newest file when unset. */
    Optional<String> signingKeyId();

    /** Creates a key when the directory has none (local stack and tests only). */
    @WithDefault("false")
    boolean generateIfMissing();

    @WithDefault("PT15M")
    Duration accessTokenTtl();

    @WithDefault("P7D")
    Duration refreshTokenTtl();
}
