package com.luckygas.customer;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same token checks against the packaged service. */
@QuarkusIntegrationTest
class CustomerSecurityIT extends CustomerSecurityTest {
}
