package com.custmaster.batch;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The operational database's own guard against two nightly runs at once, held for a whole run.
 *
 * <p>Why beside {@code var/nightly.lock}: the lock file only stops a second launch on the same
 * machine and var folder. Two machines (or two var folders) pointed at one PostgreSQL database
 * would otherwise both run, and the second would take the first's {@code STARTED} execution for a
 * killed one and mark it failed. On PostgreSQL this is a session-level advisory lock
 * ({@code pg_try_advisory_lock(}{@value #KEY}{@code )}) on a connection kept open for the run: the
 * server drops it with the connection, so a killed run leaves no stale lock. An H2 file database
 * needs none: it refuses a second process by itself.
 */
public final class DatabaseRunLock implements AutoCloseable {

    /** The advisory lock key ("CMNL"): in {@code pg_locks} it shows as {@code objid} with {@code classid} 0. */
    public static final long KEY = 0x434D4E4CL;

    private final Connection connection;
    private final boolean held;

    private DatabaseRunLock(Connection connection, boolean held) {
        this.connection = connection;
        this.held = held;
    }

    /** Takes the lock if the database is PostgreSQL and nobody holds it; never waits. */
    public static DatabaseRunLock acquire(DataSource dataSource) throws SQLException {
        requireNonNull(dataSource, "dataSource is null");
        Connection connection = dataSource.getConnection();
        try {
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                return new DatabaseRunLock(null, true);
            }
            connection.setAutoCommit(true);
            try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                statement.setLong(1, KEY);
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    boolean held = result.getBoolean(1);
                    if (!held) {
                        connection.close();
                        return new DatabaseRunLock(null, false);
                    }
                    return new DatabaseRunLock(connection, true);
                }
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Whether this launch may run: the lock is held, or the database needs none. */
    public boolean held() {
        return held;
    }

    /** Releases the lock by closing its connection (the server then drops the session's locks). */
    @Override
    public void close() throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }
}
