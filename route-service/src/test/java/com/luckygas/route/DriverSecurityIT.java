package com.luckygas.route;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same token checks against the packaged service. */
@QuarkusIntegrationTest
class DriverSecurityIT extends DriverSecurityTest {
}
