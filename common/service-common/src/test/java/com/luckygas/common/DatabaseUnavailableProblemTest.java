package com.luckygas.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/**
 * A database that cannot be reached is an outage to retry (503 problem with Retry-After), not a
 * 500: the exceptions below are the ones Hibernate, Agroal and the PostgreSQL driver throw while
 * PostgreSQL is down or restarting (the fault test deploy/e2e/fault-test sees them for real).
 */
class DatabaseUnavailableProblemTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void connectionRefusedIsA503WithRetryAfter() {
        // Hibernate's translation of the driver's "Connection to localhost:5433 refused" (SQLState 08001)
        Response response = mappers.databaseUnavailable(new JDBCConnectionException(
                "Unable to acquire JDBC Connection", new SQLException("Connection refused", "08001")));
        assertUnavailable(response);
    }

    @Test
    void connectionLostUnderAStatementIsA503() {
        // "An I/O error occurred while sending to the backend" (08006), wrapped by the transaction layer
        assertUnavailable(mappers.unexpected(new RuntimeException("commit failed",
                new GenericJDBCException("could not execute statement", new SQLException("I/O error", "08006")))));
    }

    @Test
    void poolAcquisitionTimeoutIsA503() {
        // Agroal throws this without an SQLState; Hibernate wraps it in a GenericJDBCException
        assertUnavailable(mappers.unexpected(new GenericJDBCException("Unable to acquire JDBC Connection",
                new SQLException("Sorry, acquisition timeout!"))));
        assertUnavailable(mappers.unexpected(new SQLTransientConnectionException("timeout")));
    }

    @Test
    void postgresShuttingDownOrStartingIsA503() {
        assertUnavailable(mappers.unexpected(new GenericJDBCException("x",
                new SQLException("terminating connection due to administrator command", "57P01"))));
        assertUnavailable(mappers.unexpected(new GenericJDBCException("x",
                new SQLException("the database system is starting up", "57P03"))));
    }

    @Test
    void otherDatabaseErrorsStayUnexpected() {
        Response response = mappers.unexpected(new GenericJDBCException("x",
                new SQLException("relation \"delivery.nope\" does not exist", "42P01")));
        assertEquals(500, response.getStatus());
        assertFalse(ProblemMappers.isDatabaseUnavailable(new IllegalStateException("bug")));
        assertFalse(ProblemMappers.isDatabaseUnavailable(new SQLException("syntax error", "42601")));
    }

    private static void assertUnavailable(Response response) {
        assertEquals(503, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        assertEquals(String.valueOf(ProblemMappers.DATABASE_RETRY_AFTER_SECONDS),
                String.valueOf(response.getHeaderString(HttpHeaders.RETRY_AFTER)));
        Problem problem = (Problem) response.getEntity();
        assertEquals(503, problem.status());
        assertTrue(problem.detail().contains("database"), problem.detail());
    }
}
