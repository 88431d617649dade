package com.custmaster.batch;

import static java.util.Objects.requireNonNull;

import com.custmaster.config.PipelineConfig;
import com.custmaster.config.SourceConfig;
import com.custmaster.ingest.StagingStore;
import com.custmaster.ingest.Watermarks;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The last step: the whole run has completed, so each incremental source's highest watermark of the
 * run becomes its committed watermark. A run that fails anywhere before leaves the watermarks alone,
 * and its restart (or the next run) reads the same rows again.
 */
final class WatermarkTasklet implements Tasklet {

    private static final Logger LOG = LoggerFactory.getLogger(WatermarkTasklet.class);

    private final PipelineConfig config;
    private final StagingStore staging;
    private final Watermarks watermarks;

    WatermarkTasklet(PipelineConfig config, JdbcTemplate jdbc) {
        this.config = requireNonNull(config, "config is null");
        this.staging = new StagingStore(jdbc);
        this.watermarks = new Watermarks(jdbc);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) {
        LocalDate runDate = StepStats.runDate(context);
        for (SourceConfig source : config.sources()) {
            if (source.incremental() == null) {
                continue;
            }
            String candidate = staging.watermarkCandidate(runDate, source.name());
            if (candidate == null) {
                LOG.info("source {}: no new rows, watermark unchanged", source.name());
                continue;
            }
            watermarks.commit(source.name(), source.incremental(), candidate, runDate);
            LOG.info("source {}: watermark advanced to {}", source.name(), candidate);
        }
        return RepeatStatus.FINISHED;
    }
}
