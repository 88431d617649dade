package com.custmaster.batch;

import static java.util.Objects.requireNonNull;

import com.custmaster.config.PipelineConfig;
import com.custmaster.config.SourceConfig;
import com.custmaster.ingest.StagingStore;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Nothing lost: for every source, records read must equal records staged plus records rejected;
 * a mismatch fails the run before anything reaches the master. Also writes each source's rejects
 * as a CSV under {@code var/reports/<date>/rejects/} for people to open, and warns of record ids a
 * source repeats on several lines (the last line wins in the master).
 */
final class IngestCheckTasklet implements Tasklet {

    private static final Logger LOG = LoggerFactory.getLogger(IngestCheckTasklet.class);

    private final PipelineConfig config;
    private final StagingStore store;

    IngestCheckTasklet(PipelineConfig config, JdbcTemplate jdbc) {
        this.config = requireNonNull(config, "config is null");
        this.store = new StagingStore(requireNonNull(jdbc, "jdbc is null"));
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) throws Exception {
        LocalDate runDate = StepStats.runDate(context);
        Path rejectsDir = InfrastructureConfiguration.reportsDir(config).resolve(runDate.toString()).resolve("rejects");
        for (SourceConfig source : config.sources()) {
            long rejected = store.verifyCounts(runDate, source.name());
            Map<String, List<Long>> repeated = store.repeatedIds(runDate, source.name(), 3);
            if (!repeated.isEmpty()) {
                LOG.warn("source {}: record ids on more than one line, the last line wins in the master: {}{}",
                        source.name(), repeated, repeated.size() == 3 ? " (first 3 shown)" : "");
            }
            if (rejected > 0) {
                Path csv = store.exportRejects(runDate, source.name(), rejectsDir);
                LOG.info("source {}: {} rejected record(s) listed in {}", source.name(), rejected, csv);
            }
        }
        return RepeatStatus.FINISHED;
    }
}
