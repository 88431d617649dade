package com.custmaster.batch;

import static java.util.Objects.requireNonNull;

import com.custmaster.config.PipelineConfig;
import com.custmaster.config.SourceConfig;
import com.custmaster.domain.Masking;
import com.custmaster.domain.OperationalFailure;
import com.custmaster.ingest.SourceIngestion;
import com.custmaster.master.MasterService;
import com.custmaster.ingest.SourcePreflight;
import com.custmaster.publish.Lake;
import com.custmaster.report.MetricsQueries;
import com.custmaster.report.ReportFiles;
import com.custmaster.report.RunMetrics;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs (or restarts) the nightly job for one date and reports the outcome. One run at a time per
 * var folder: a second launch while one is running is refused. A run left in STARTED state by a
 * killed process is marked failed first, so Spring Batch restarts it at the step that did not finish.
 */
public final class NightlyRunner {

    private static final Logger LOG = LoggerFactory.getLogger(NightlyRunner.class);

    /** The outcome of {@link #run}: what happened and the summary to print. */
    public record Outcome(Result result, RunSummary summary, String message) {
        public Outcome {
            requireNonNull(result, "result is null");
            requireNonNull(message, "message is null");
        }
    }

    /** How a launch ended; each has its own process exit code (docs/operations.md). */
    public enum Result {
        COMPLETED(0), ALREADY_COMPLETED(0), FAILED(1), ALREADY_RUNNING(3);

        private final int exitCode;

        Result(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    /** Job parameter (not identifying) with the requested {@link MasterService.Mode}. */
    static final String MATCHING_PARAMETER = "matching.mode";

    private final PipelineConfig config;

    public NightlyRunner(PipelineConfig config) {
        this.config = requireNonNull(config, "config is null");
    }

    /**
     * Runs or resumes the job for {@code runDate}.
     *
     * @throws com.custmaster.config.ConfigException when a source's file does not have the columns its
     *         configuration maps (checked before anything is read)
     */
    public Outcome run(LocalDate runDate) throws IOException {
        return run(runDate, MasterService.Mode.INCREMENTAL);
    }

    /**
     * As {@link #run(LocalDate)}, asking the master step for a full rebuild or a retraining instead of
     * incremental matching. The request applies to a run that starts or resumes; a completed date
     * stays as it is.
     */
    public Outcome run(LocalDate runDate, MasterService.Mode matching) throws IOException {
        requireNonNull(matching, "matching is null");
        SourcePreflight.check(config);
        Files.createDirectories(config.varDir());
        Path lockFile = config.varDir().resolve("nightly.lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                return new Outcome(Result.ALREADY_RUNNING, null, "another nightly run is in progress ("
                        + lockHolder(lockFile) + ", lock on " + lockFile + "); not starting a second one");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", run " + runDate
                    + ", started " + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return runLocked(runDate, matching);
        }
    }

    /**
     * What the lock file says about the run holding it ("pid 4711, run 2026-11-22, started ...").
     * The lock itself is the operating system's: it goes with the process, so a killed run leaves
     * no stale lock, only this text.
     */
    private static String lockHolder(Path lockFile) {
        try {
            String text = Files.readString(lockFile, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "holder unknown" : text;
        } catch (IOException e) {
            return "holder unknown";
        }
    }

    private Outcome runLocked(LocalDate runDate, MasterService.Mode matching) {
        try (AnnotationConfigApplicationContext context = startedContext();
             DatabaseRunLock databaseLock = DatabaseRunLock.acquire(context.getBean(DataSource.class))) {
            if (!databaseLock.held()) {
                return new Outcome(Result.ALREADY_RUNNING, null, "another nightly run holds the database's run lock "
                        + "(PostgreSQL advisory lock " + DatabaseRunLock.KEY + ", from another machine or var folder); "
                        + "not starting a second one");
            }
            JobRepository repository = context.getBean(JobRepository.class);
            JobOperator operator = context.getBean(JobOperator.class);
            Job job = context.getBean(Job.class);
            Lake lake = context.getBean(Lake.class);
            JobParameters parameters = new JobParametersBuilder()
                    .addLocalDate(SourceIngestion.RUN_DATE_PARAMETER, runDate)
                    .addString(MATCHING_PARAMETER, matching.name(), false)
                    .toJobParameters();

            JobExecution last = repository.getLastJobExecution(NightlyJobConfiguration.JOB_NAME, parameters);
            if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
                RunSummary summary = summarize(lastSteps(repository, last.getJobInstance()), runDate, "ALREADY COMPLETED",
                        lake, null);
                return new Outcome(Result.ALREADY_COMPLETED, summary, "run " + runDate + " already completed at "
                        + last.getEndTime() + "; nothing to do, outputs unchanged");
            }
            if (last != null && last.isRunning()) {
                LOG.warn("run {} was left {} by a process that stopped; marking it failed to restart it", runDate,
                        last.getStatus());
                operator.recover(last);
            }
            if (last != null) {
                LOG.info("restarting run {} (last attempt {}), from the step that did not complete", runDate,
                        last.getStatus());
            }
            JobExecution execution = operator.start(job, parameters);
            String failure = failureOf(execution);
            boolean completed = execution.getStatus() == BatchStatus.COMPLETED;
            List<StepExecution> steps = lastSteps(repository, execution.getJobInstance());
            RunSummary summary = summarize(steps, runDate, execution.getStatus().name(), lake, failure);
            writeSummary(summary);
            writeReport(() -> RunReports.metrics(runDate, execution.getStatus().name(), failure, execution.getStartTime(),
                    execution.getEndTime(), steps, new MetricsQueries(context.getBean(JdbcTemplate.class)),
                    runDir(runDate)));
            if (completed) {
                return new Outcome(Result.COMPLETED, summary, "run " + runDate + " completed");
            }
            return new Outcome(Result.FAILED, summary, "run " + runDate + " failed: " + failure);
        } catch (Exception e) {
            String failure = explain(e);
            writeReport(() -> RunReports.metrics(runDate, BatchStatus.FAILED.name(), failure, null, null, List.of(),
                    null, runDir(runDate)));
            return new Outcome(Result.FAILED, null, "run " + runDate + " failed: " + failure);
        }
    }

    private AnnotationConfigApplicationContext startedContext() {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        try {
            context.registerBean(PipelineConfig.class, () -> config);
            context.register(NightlyJobConfiguration.class);
            context.refresh();
            return context;
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    /** The steps' last executions of a run, in job order; steps not reached yet are left out. */
    private List<StepExecution> lastSteps(JobRepository repository, JobInstance instance) {
        List<String> stepNames = new ArrayList<>();
        for (SourceConfig source : config.sources()) {
            stepNames.add(NightlyJobConfiguration.ingestStepName(source));
        }
        stepNames.addAll(List.of("ingest-check", "match", "export", "customer-value", "publish", "watermarks"));
        List<StepExecution> steps = new ArrayList<>();
        for (String name : stepNames) {
            StepExecution step = repository.getLastStepExecution(instance, name);
            if (step != null) {
                steps.add(step);
            }
        }
        return steps;
    }

    private Path runDir(LocalDate runDate) {
        return InfrastructureConfiguration.reportsDir(config).resolve(runDate.toString());
    }

    /**
     * Writes the run report (metrics.json and report.html). A report that cannot be written is
     * logged, not fatal: the run's outcome and exit code stay what the job decided.
     */
    private void writeReport(Supplier<RunMetrics> metrics) {
        try {
            RunMetrics collected = metrics.get();
            Path html = ReportFiles.write(runDir(collected.runDate()), collected);
            LOG.info("run report: {}", html.toUri());
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not write the run report: {}", explain(e));
        }
    }

    private RunSummary summarize(List<StepExecution> steps, LocalDate runDate, String status, Lake lake, String failure) {
        List<RunSummary.SourceCounts> sources = new ArrayList<>();
        List<RunSummary.StepTime> times = new ArrayList<>();
        Map<String, Long> master = new LinkedHashMap<>();
        Map<String, Long> value = new LinkedHashMap<>();
        for (StepExecution step : steps) {
            String name = step.getStepName();
            LocalDateTime start = step.getStartTime();
            LocalDateTime end = step.getEndTime();
            times.add(new RunSummary.StepTime(name, step.getStatus().name(),
                    start == null || end == null ? Duration.ZERO : Duration.between(start, end)));
            var context = step.getExecutionContext();
            if (name.startsWith("ingest-") && context.containsKey("records.read")) {
                sources.add(new RunSummary.SourceCounts(name.substring("ingest-".length()), context.getLong("records.read"),
                        context.getLong("records.staged"), context.getLong("records.rejected")));
            }
            Map<String, Long> target = "match".equals(name) ? master : "customer-value".equals(name) ? value : null;
            if (target != null) {
                for (Map.Entry<String, Object> entry : context.entrySet()) {
                    if (entry.getValue() instanceof Number number && !entry.getKey().startsWith(StepMemoryListener.KEY_PREFIX)) {
                        target.put(entry.getKey(), number.longValue());
                    }
                }
            }
        }
        List<String> outputs = lake.publishedTables(runDate, NightlyJobConfiguration.PUBLISHED_TABLES);
        return new RunSummary(runDate, status, sources, master, value, outputs, times, failure);
    }

    private void writeSummary(RunSummary summary) {
        try {
            Path dir = InfrastructureConfiguration.reportsDir(config).resolve(summary.runDate().toString());
            Files.createDirectories(dir);
            ObjectMapper json = new ObjectMapper().findAndRegisterModules().enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
            Path temp = dir.resolve(".summary.json.tmp");
            json.writeValue(temp.toFile(), summary);
            Files.move(temp, dir.resolve("summary.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("could not write the run summary JSON: {}", e.getMessage());
        }
    }

    private static String failureOf(JobExecution execution) {
        List<Throwable> failures = new ArrayList<>(execution.getAllFailureExceptions());
        if (failures.isEmpty()) {
            return execution.getStatus() == BatchStatus.COMPLETED ? null
                    : oneLine(execution.getExitStatus().getExitDescription());
        }
        return explain(failures.get(0));
    }

    /**
     * One line for the person on call: the message of the outermost {@link OperationalFailure} in
     * the chain of causes (it says what could not be done and why), else the root cause's message;
     * with personal values masked, as in the log.
     */
    static String explain(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof OperationalFailure) {
                return oneLine(cause.getMessage());
            }
        }
        return oneLine(OperationalFailure.reasonOf(failure));
    }

    private static String oneLine(String message) {
        return message == null ? "" : Masking.scrub(message.replaceAll("\\s*\\R\\s*", " ").trim());
    }
}
