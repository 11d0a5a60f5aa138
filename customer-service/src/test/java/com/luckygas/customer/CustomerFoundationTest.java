package com.luckygas.customer;

import com.luckygas.testing.JwtResource;
import com.luckygas.testing.PostgresResource;
import com.luckygas.testing.ServiceFoundationContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import javax.sql.DataSource;

// The test resources declared here serve every test of this module (one PostgreSQL, one trusted key).
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(JwtResource.class)
class CustomerFoundationTest extends ServiceFoundationContract {

    @Inject
    DataSource dataSource;

    @Override
    protected String schema() {
        return "customer";
    }

    @Override
    protected List<String> tables() {
        return List.of("customer", "area");
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
