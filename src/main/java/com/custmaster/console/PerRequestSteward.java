package com.custmaster.console;

import static java.util.Objects.requireNonNull;

import com.custmaster.config.MatchingConfig;
import com.custmaster.steward.StewardService;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The steward workflow over one database connection per request: opened when a request needs the
 * database and closed when it is answered. With the embedded H2 file this is what lets the console
 * and the nightly take turns (the file is free between requests); one connection for all of a
 * page's queries keeps a page from opening the file dozens of times.
 */
public final class PerRequestSteward {

    private final DataSource dataSource;
    private final MatchingConfig matching;
    private final Clock clock;

    public PerRequestSteward(DataSource dataSource, MatchingConfig matching, Clock clock) {
        this.dataSource = requireNonNull(dataSource, "dataSource is null");
        this.matching = requireNonNull(matching, "matching is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Runs {@code work} with a steward service on a connection of its own, closed afterwards. */
    <T> T with(Function<StewardService, T> work) {
        try (Connection connection = dataSource.getConnection()) {
            SingleConnectionDataSource single = new SingleConnectionDataSource(connection, true);
            StewardService steward = new StewardService(new JdbcTemplate(single), new DataSourceTransactionManager(single),
                    matching, clock);
            return work.apply(steward);
        } catch (SQLException e) {
            throw new Unavailable(e);
        }
    }

    /** The database cannot be opened now: with embedded H2, usually because the nightly holds the file. */
    static final class Unavailable extends RuntimeException {
        Unavailable(SQLException cause) {
            super("cannot open the database: " + cause.getMessage(), cause);
        }
    }
}
