package com.luckygas.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.luckygas.common.Problem;
import com.luckygas.common.ProblemMappers;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The problem for a row PostgreSQL refuses by a constraint, read from PostgreSQL's real messages
 * (service-common's unit test has them as text): a duplicate is a 409 naming the JSON fields.
 */
@QuarkusTest
class ConstraintRefusalTest {

    @Inject
    DataSource dataSource;

    @Test
    void aRealDuplicateKeyIsA409NamingItsFields() throws Exception {
        SQLException refused;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                s.execute("INSERT INTO delivery.price (product_code, valid_from, unit_price) VALUES ('R20', DATE '1901-01-01', 700)");
                refused = assertThrows(SQLException.class, () -> s.execute(
                        "INSERT INTO delivery.price (product_code, valid_from, unit_price) VALUES ('R20', DATE '1901-01-01', 750)"));
            } finally {
                c.rollback();
            }
        }
        assertEquals("23505", refused.getSQLState());
        Response response = new ProblemMappers().unexpected(new RuntimeException("commit failed", refused));
        assertEquals(409, response.getStatus());
        List<Problem.Violation> violations = ((Problem) response.getEntity()).violations();
        assertEquals(List.of("productCode", "customerId", "validFrom"), violations.stream().map(Problem.Violation::field).toList(), violations.toString());
    }
}
