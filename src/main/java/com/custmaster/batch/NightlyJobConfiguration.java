package com.custmaster.batch;

import com.custmaster.analytics.AnalyticsSchema;
import com.custmaster.config.PipelineConfig;
import com.custmaster.config.SourceConfig;
import com.custmaster.ingest.CountingSourceReader;
import com.custmaster.ingest.IngestedRecord;
import com.custmaster.ingest.SourceIngestion;
import com.custmaster.ingest.SourceReaders;
import com.custmaster.ingest.StagingStore;
import com.custmaster.ingest.Watermarks;
import com.custmaster.domain.RawRecord;
import com.custmaster.master.MasterService;
import com.custmaster.master.MasterStore;
import com.custmaster.steward.StewardService;
import com.custmaster.publish.Lake;
import com.custmaster.publish.LakeTables;
import java.util.List;
import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.batch.core.configuration.annotation.EnableJdbcJobRepository;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code nightly} job, top to bottom: one ingest step per configured source, the nothing-lost
 * check, the master update, the export of master and crosswalk, the customer-value job on Spark,
 * the publish of all outputs, and last the commit of incremental sources' watermarks. The run date is the identifying job parameter: the same date is
 * the same job instance, so a failed run restarts at the failed step and a completed one is not
 * run again (Spring Batch's job repository decides, not our code).
 */
@Configuration(proxyBeanMethods = false)
@EnableBatchProcessing
@EnableJdbcJobRepository
@Import(InfrastructureConfiguration.class)
public class NightlyJobConfiguration {

    public static final String JOB_NAME = "nightly";

    /** Every table a nightly run publishes, in the order of docs/outputs.md. */
    public static final List<String> PUBLISHED_TABLES = List.of(LakeTables.CUSTOMER_MASTER, LakeTables.CUSTOMER_XREF,
            LakeTables.TRANSACTIONS, AnalyticsSchema.CUSTOMER_VALUE_TABLE, AnalyticsSchema.SEGMENT_PROFILE_TABLE,
            AnalyticsSchema.VALUE_BAND_SUMMARY_TABLE, AnalyticsSchema.RFM_SEGMENT_SUMMARY_TABLE);

    @Bean(destroyMethod = "close")
    public SparkSessions sparkSessions() {
        return new SparkSessions();
    }

    @Bean
    public Lake lake(PipelineConfig config) {
        return new Lake(config.lakeUri(), new org.apache.hadoop.conf.Configuration());
    }

    /** Peak memory of every step, for the run report. */
    @Bean(destroyMethod = "close")
    StepMemoryListener stepMemoryListener() {
        return new StepMemoryListener();
    }

    @Bean
    public Job nightlyJob(JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcTemplate jdbc,
                          PipelineConfig config, SparkSessions sparkSessions, Lake lake, StepMemoryListener memory) {
        StagingStore staging = new StagingStore(jdbc);
        PausePoints pausePoints = PausePoints.fromEnvironment();
        SimpleJobBuilder job = null;
        for (SourceConfig source : config.sources()) {
            Step step = ingestStep(jobRepository, transactionManager, staging, config, source, pausePoints, memory);
            job = job == null ? new JobBuilder(JOB_NAME, jobRepository).start(step) : job.next(step);
        }
        return job
                .next(tasklet("ingest-check", pausePoints, new IngestCheckTasklet(config, jdbc), jobRepository, transactionManager, memory))
                .next(tasklet("match", pausePoints, new MatchTasklet(new MasterService(new MasterStore(jdbc), config),
                        new StewardService(jdbc, transactionManager, config.matching(), java.time.Clock.systemDefaultZone()),
                        InfrastructureConfiguration.reportsDir(config)), jobRepository,
                        transactionManager, memory))
                .next(tasklet("export", pausePoints, new ExportTasklet(jdbc, sparkSessions, lake, config.pseudonymKey()), jobRepository,
                        transactionManager, memory))
                .next(tasklet("customer-value", pausePoints, new CustomerValueTasklet(config, sparkSessions, lake, pausePoints), jobRepository,
                        transactionManager, memory))
                .next(tasklet("publish", pausePoints, new PublishTasklet(lake), jobRepository, transactionManager, memory))
                .next(tasklet("watermarks", pausePoints, new WatermarkTasklet(config, jdbc), jobRepository, transactionManager, memory))
                .build();
    }

    static String ingestStepName(SourceConfig source) {
        return "ingest-" + source.name();
    }

    private static Step ingestStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                   StagingStore staging, PipelineConfig config, SourceConfig source,
                                   PausePoints pausePoints, StepMemoryListener memory) {
        CountingSourceReader reader = SourceReaders.create(source);
        SourceIngestion ingestion = new SourceIngestion(source, reader, staging, new Watermarks(staging.jdbc()));
        return new StepBuilder(ingestStepName(source), jobRepository)
                .<RawRecord, IngestedRecord>chunk(config.chunkSize())
                .transactionManager(transactionManager)
                .reader(reader)
                .processor(ingestion)
                .writer(ingestion)
                .listener(ingestion)
                .listener(pausePoints.<IngestedRecord>inChunks(ingestStepName(source)))
                .stream(ingestion)
                .listener(memory)
                .build();
    }

    private static Step tasklet(String name, PausePoints pausePoints, org.springframework.batch.core.step.tasklet.Tasklet tasklet,
                                JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                StepMemoryListener memory) {
        return new StepBuilder(name, jobRepository).tasklet(pausePoints.around(name, tasklet), transactionManager)
                .listener(memory).build();
    }
}
