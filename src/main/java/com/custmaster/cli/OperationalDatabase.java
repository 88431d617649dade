package com.custmaster.cli;

import com.custmaster.batch.InfrastructureConfiguration;
import com.custmaster.config.DatabaseSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The nightly's database as the operator commands (steward, console, explain) open it: it must
 * exist already (an H2 file is never created by them), its schema is brought up to date with the
 * nightly's migrations, and each use opens its own connection and closes it, so the embedded H2
 * file is not held open between requests and the nightly can take it.
 */
final class OperationalDatabase {

    /** H2's "database not found" when IFEXISTS=TRUE forbids creating it. */
    private static final int H2_DATABASE_NOT_FOUND = 90146;
    /** H2's "database may be already in use" (another process holds the file). */
    private static final int H2_DATABASE_IN_USE = 90020;

    /** Why the database cannot be used, for one line on standard error. */
    static final class Unavailable extends RuntimeException {
        private final int errorCode;

        Unavailable(String message) {
            this(message, 0);
        }

        Unavailable(String message, int errorCode) {
            super(message);
            this.errorCode = errorCode;
        }

        /** The H2 database file does not exist: no nightly has run with this var folder. */
        boolean notFound() {
            return errorCode == H2_DATABASE_NOT_FOUND;
        }

        /** Another process holds the H2 database file (a nightly run, most likely). */
        boolean inUse() {
            return errorCode == H2_DATABASE_IN_USE;
        }
    }

    private OperationalDatabase() {
    }

    /**
     * Opens and checks the database.
     *
     * @throws Unavailable when it does not exist, is busy or cannot be read
     */
    static DataSource open(DatabaseSettings db) {
        return open(db, true);
    }

    /**
     * As {@link #open(DatabaseSettings)}; without {@code migrate} the schema is left as it is (for
     * commands that only read).
     */
    static DataSource open(DatabaseSettings db, boolean migrate) {
        String url = db.url();
        if (db.isH2() && !url.toUpperCase(Locale.ROOT).contains("IFEXISTS")) {
            url = url + ";IFEXISTS=TRUE";
        }
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, db.user(), db.password());
        try (Connection connection = dataSource.getConnection()) {
            connection.isValid(5);
        } catch (SQLException e) {
            throw new Unavailable(explain(e, db), e.getErrorCode());
        }
        if (!migrate) {
            return dataSource;
        }
        try {
            InfrastructureConfiguration.migrate(dataSource, db);
        } catch (RuntimeException e) {
            throw new Unavailable("cannot bring the schema of " + db.safeUrl() + " up to date: " + firstLine(e));
        }
        return dataSource;
    }

    private static String explain(SQLException e, DatabaseSettings db) {
        if (e.getErrorCode() == H2_DATABASE_NOT_FOUND) {
            return "no database at " + db.safeUrl() + ": run the nightly first, or pass --var DIR of the nightly";
        }
        if (e.getErrorCode() == H2_DATABASE_IN_USE) {
            return "the database " + db.safeUrl() + " is in use by another process (a nightly run?): try again when it "
                    + "has finished, or use PostgreSQL to work alongside the nightly";
        }
        return "cannot open the database " + db.safeUrl() + ": " + firstLine(e);
    }

    static String firstLine(Throwable error) {
        String message = String.valueOf(error.getMessage());
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
