package com.custmaster.testing;

import com.custmaster.batch.InfrastructureConfiguration;
import com.custmaster.config.PipelineConfig;
import com.custmaster.ingest.StagingStore;
import com.custmaster.master.MasterRunStats;
import com.custmaster.master.MasterService;
import com.custmaster.master.MasterStore;
import com.custmaster.domain.Contact;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The operational database after one night's ingest and match of data-samples/, without Spring
 * Batch or Spark: the nightly's schema (Flyway), the sample records staged, the master built.
 * For tests of what reads the master (explain, the steward workflow).
 *
 * @param dataSource the database, still open: {@link #close()} it when done
 * @param sample the staged sample records
 * @param stats what the match step reported
 */
public record MatchedNight(DataSource dataSource, SampleContacts sample, MasterRunStats stats) implements AutoCloseable {

    /** Stages the sample as of {@code runDate} into the database of {@code config} and matches it. */
    public static MatchedNight run(PipelineConfig config, LocalDate runDate) throws Exception {
        return run(config, runDate, UnaryOperator.identity());
    }

    /** As {@link #run(PipelineConfig, LocalDate)}, with the staged records changed first (same order and size). */
    public static MatchedNight run(PipelineConfig config, LocalDate runDate, UnaryOperator<List<Contact>> change)
            throws Exception {
        DataSource dataSource = new InfrastructureConfiguration().dataSource(config);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        SampleContacts read = SampleContacts.read(config, runDate);
        SampleContacts sample = new SampleContacts(change.apply(read.staged()), read.origins());
        new StagingStore(jdbc).insertStaged(runDate, sample.staged(), sample.origins());
        MasterRunStats stats = new MasterService(new MasterStore(jdbc), config).run(runDate);
        return new MatchedNight(dataSource, sample, stats);
    }

    public JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    /** Closes the embedded database (an H2 pool has no close of its own). */
    @Override
    public void close() {
        if (dataSource instanceof JdbcConnectionPool pool) {
            pool.dispose();
        }
    }
}
