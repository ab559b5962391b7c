package org.divergence.store.project;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of database work run on a connection the project lends for its duration. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
