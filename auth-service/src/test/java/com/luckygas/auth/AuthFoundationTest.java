package com.luckygas.auth;

import com.luckygas.testing.PostgresResource;
import com.luckygas.testing.ServiceFoundationContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import javax.sql.DataSource;

// The test resources declared here serve every test of this module.
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(AuthTestSettings.class)
class AuthFoundationTest extends ServiceFoundationContract {

    @Inject
    DataSource dataSource;

    @Override
    protected String schema() {
        return "auth";
    }

    @Override
    protected List<String> tables() {
        return List.of("app_user", "refresh_token");
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
