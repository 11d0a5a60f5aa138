package com.luckygas.route;

import com.luckygas.testing.SecuredEndpointContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DriverSecurityTest extends SecuredEndpointContract {

    @Override
    protected String officeListPath() {
        return "/api/drivers";
    }
}
