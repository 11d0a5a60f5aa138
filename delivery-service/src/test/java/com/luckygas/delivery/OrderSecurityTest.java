package com.luckygas.delivery;

import com.luckygas.testing.SecuredEndpointContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OrderSecurityTest extends SecuredEndpointContract {

    @Override
    protected String officeListPath() {
        return "/api/orders";
    }
}
