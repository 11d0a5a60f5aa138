package com.luckygas.customer;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same checks against the packaged service. */
@QuarkusIntegrationTest
class CustomerSearchIT extends CustomerSearchTest {
}
