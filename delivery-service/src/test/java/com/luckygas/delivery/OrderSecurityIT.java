package com.luckygas.delivery;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same token checks against the packaged service. */
@QuarkusIntegrationTest
class OrderSecurityIT extends OrderSecurityTest {
}
