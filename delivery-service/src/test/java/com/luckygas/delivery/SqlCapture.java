package com.luckygas.delivery;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Records the SQL Hibernate sends while {@link #on} is set, so that tests can EXPLAIN the
 * statements Panache really generates (the order lists) rather than a hand-written copy.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class SqlCapture implements StatementInspector {

    static final List<String> STATEMENTS = new CopyOnWriteArrayList<>();
    static volatile boolean on;

    @Override
    public String inspect(String sql) {
        if (on) {
            STATEMENTS.add(sql);
        }
        return sql;
    }
}
