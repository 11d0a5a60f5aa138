package com.luckygas.delivery;

import com.luckygas.testing.KeptTokensContract;
import io.quarkus.test.junit.QuarkusTest;

/** The bearer check's parser keeps verified tokens (service-common's VerifiedTokenCache). */
@QuarkusTest
class KeptTokensTest implements KeptTokensContract {
}
