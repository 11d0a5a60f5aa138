package com.luckygas.testing;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.enterprise.inject.spi.CDI;
import org.junit.jupiter.api.Test;

/**
 * For a service's {@code @QuarkusTest} (it needs the application's beans): the token parser the
 * bearer check uses is service-common's caching one, so a verified token is answered from memory
 * (the same principal) and another token is verified on its own.
 */
public interface KeptTokensContract {

    @Test
    default void theParserAnswersAVerifiedTokenFromMemory() throws Exception {
        JWTParser parser = CDI.current().select(JWTParser.class).get();
        String token = TestTokens.office();
        assertSame(parser.parse(token), parser.parse(token), "the second parse should come from the cache");
        assertNotSame(parser.parse(token), parser.parse(TestTokens.admin()));
    }
}
