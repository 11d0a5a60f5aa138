package com.luckygas.auth;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same checks against the packaged service. */
@QuarkusIntegrationTest
class BadInputIT extends BadInputTest {
}
