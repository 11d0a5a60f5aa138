package com.luckygas.route;

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
class DriverFoundationTest extends ServiceFoundationContract {

    @Inject
    DataSource dataSource;

    @Override
    protected String schema() {
        return "route";
    }

    @Override
    protected List<String> tables() {
        return List.of("driver", "vehicle", "depot");
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
