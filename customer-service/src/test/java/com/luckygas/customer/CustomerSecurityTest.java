package com.luckygas.customer;

import com.luckygas.testing.SecuredEndpointContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CustomerSecurityTest extends SecuredEndpointContract {

    @Override
    protected String officeListPath() {
        return "/api/customers";
    }
}
