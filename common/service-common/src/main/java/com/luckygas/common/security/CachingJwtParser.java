package com.luckygas.common.security;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Puts {@link VerifiedTokenCache} in front of smallrye-jwt's parser, which Quarkus' bearer token
 * check calls for every request ({@code JWTParser.parse(String)}); every other parser method goes
 * straight to smallrye-jwt. {@code luckygas.jwt.verified-cache-seconds} (default 60; 0 switches the
 * cache off) bounds how long a verified token is answered from memory.
 */
@Decorator
@Priority(10)
public abstract class CachingJwtParser implements JWTParser {

    private final JWTParser delegate;
    private final VerifiedTokenCache cache;

    @Inject
    CachingJwtParser(@Delegate @Any JWTParser delegate,
                     @ConfigProperty(name = "luckygas.jwt.verified-cache-seconds", defaultValue = "60") long seconds) {
        this.delegate = delegate;
        this.cache = new VerifiedTokenCache(seconds * 1000, 10_000, System::currentTimeMillis);
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return cache.verify(token, delegate::parse);
    }
}
