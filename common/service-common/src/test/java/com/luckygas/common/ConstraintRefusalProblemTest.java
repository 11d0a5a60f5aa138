package com.luckygas.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.List;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;

/**
 * A row the database refuses by a constraint — where the code's own check lost a race — is a 409
 * or 400 problem naming the field, not a 500. The messages are PostgreSQL's own (as pgjdbc
 * reports them); each service's tests also feed the mapper a refusal from a real PostgreSQL.
 */
class ConstraintRefusalProblemTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aDuplicateIsA409NamingTheFieldButNotTheValue() {
        Response response = mappers.unexpected(new PersistenceException("commit failed", new ConstraintViolationException(
                "could not execute statement", new SQLException("""
                        ERROR: duplicate key value violates unique constraint "app_user_username_key"
                          Detail: Key (username)=(chen.office) already exists.""", "23505"), "app_user_username_key")));
        assertEquals(409, response.getStatus());
        Problem problem = (Problem) response.getEntity();
        assertEquals(List.of(new Problem.Violation("username", "is already taken")), problem.violations());
        assertFalse(problem.toString().contains("chen.office"), problem.toString());
    }

    @Test
    void aKeyOfSeveralColumnsNamesEachAsAJsonField() {
        assertEquals(List.of("productCode", "validFrom"), ProblemMappers.columns(
                "ERROR: duplicate key value violates unique constraint \"price_key\"\n  Detail: Key (product_code, valid_from)=(R20, 2026-01-01) already exists."));
    }

    @Test
    void aRowStillReferredToIsA409() {
        Response response = mappers.unexpected(new ConstraintViolationException("x", new SQLException("""
                ERROR: update or delete on table "area" violates foreign key constraint "customer_area_fkey" on table "customer"
                  Detail: Key (name)=(大安區) is still referenced from table "customer".""", "23503"), "customer_area_fkey"));
        assertEquals(409, response.getStatus());
        assertEquals("name", ((Problem) response.getEntity()).violations().get(0).field());
    }

    @Test
    void aValueACheckRefusesIsA400() {
        Response response = mappers.unexpected(new ConstraintViolationException("x", new SQLException(
                "ERROR: new row for relation \"orders\" violates check constraint \"orders_window\"", "23514"), "orders_window"));
        assertEquals(400, response.getStatus());
        assertNull(((Problem) response.getEntity()).violations());
        Response nul = mappers.unexpected(new ConstraintViolationException("x", new SQLException(
                "ERROR: null value in column \"driver_id\" of relation \"driver\" violates not-null constraint", "23502"), null));
        assertEquals(400, nul.getStatus());
        assertEquals("driverId", ((Problem) nul.getEntity()).violations().get(0).field());
    }
}
