package com.custmaster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.custmaster.batch.InfrastructureConfiguration;
import com.custmaster.config.ConfigLoader;
import com.custmaster.config.PipelineConfig;
import com.custmaster.report.ReportFiles;
import com.custmaster.report.RunMetrics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code nightly status} and {@code nightly history} over a job repository with known launches
 * (written the way Spring Batch 6 writes them): what they print and the exit codes schedulers and
 * monitoring read (docs/operations.md).
 */
class NightlyStatusCommandTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2026, 11, 23, 2, 30, 0);

    @TempDir
    Path temp;

    private Path var;
    private JdbcTemplate jdbc;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void anEmptyJobRepository() {
        var = temp.resolve("var");
        PipelineConfig config = new ConfigLoader(name -> null).load(Path.of("conf"), var);
        DriverManagerDataSource dataSource = new DriverManagerDataSource(config.database().url(), config.database().user(),
                config.database().password());
        InfrastructureConfiguration.migrate(dataSource, config.database());
        jdbc = new JdbcTemplate(dataSource);
    }

    private int nightly(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "nightly";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--var";
        all[args.length + 2] = var.toString();
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), all);
    }

    /** A launch of the job for a run date, with its steps as name/status pairs. */
    private void launch(long instance, String date, String status, LocalDateTime start, long seconds, String... steps) {
        jdbc.update("MERGE INTO BATCH_JOB_INSTANCE (JOB_INSTANCE_ID, VERSION, JOB_NAME, JOB_KEY) KEY (JOB_INSTANCE_ID) "
                + "VALUES (?, 0, 'nightly', ?)", instance, "key" + instance);
        Timestamp end = status.equals("STARTED") ? null : Timestamp.valueOf(start.plusSeconds(seconds));
        Long execution = jdbc.queryForObject("SELECT COALESCE(MAX(JOB_EXECUTION_ID), 0) + 1 FROM BATCH_JOB_EXECUTION", Long.class);
        jdbc.update("INSERT INTO BATCH_JOB_EXECUTION (JOB_EXECUTION_ID, VERSION, JOB_INSTANCE_ID, CREATE_TIME, START_TIME, "
                        + "END_TIME, STATUS, EXIT_CODE, EXIT_MESSAGE, LAST_UPDATED) VALUES (?, 1, ?, ?, ?, ?, ?, ?, '', ?)",
                execution, instance, Timestamp.valueOf(start), Timestamp.valueOf(start), end, status, status,
                Timestamp.valueOf(start));
        jdbc.update("INSERT INTO BATCH_JOB_EXECUTION_PARAMS (JOB_EXECUTION_ID, PARAMETER_NAME, PARAMETER_TYPE, "
                + "PARAMETER_VALUE, IDENTIFYING) VALUES (?, 'run.date', 'java.time.LocalDate', ?, 'Y')", execution, date);
        for (int i = 0; i < steps.length; i += 2) {
            String message = steps[i + 1].equals("FAILED") ? "java.lang.IllegalStateException: source 'distributor': file "
                    + "not found: data-samples/distributor/customers_gbk.csv\n\tat com.custmaster.ingest.SourceFiles.resolve"
                    : "";
            jdbc.update("INSERT INTO BATCH_STEP_EXECUTION (VERSION, STEP_NAME, JOB_EXECUTION_ID, CREATE_TIME, START_TIME, "
                            + "END_TIME, STATUS, EXIT_CODE, EXIT_MESSAGE) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)", steps[i],
                    execution, Timestamp.valueOf(start), Timestamp.valueOf(start), end, steps[i + 1], steps[i + 1], message);
        }
    }

    @Test
    void statusOfACompletedRunExitsZeroWithItsDurationAndReport() throws Exception {
        // given
        launch(1, "2026-11-22", "COMPLETED", T0, 184, "ingest-crm", "COMPLETED", "match", "COMPLETED");
        Path report = var.resolve("reports/2026-11-22/report.html");
        Files.createDirectories(report.getParent());
        Files.writeString(report, "<html></html>");

        // when
        int code = nightly("status");

        // then
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("last run 2026-11-22: COMPLETED (exit 0)\n")
                .contains("started 2026-11-23 02:30:00, took 3 min 04 s").contains("report: " + report);
    }

    @Test
    void statusOfAFailedRunExitsOneAndNamesTheStepTheReasonAndTheCommandToResume() {
        // given: the 22nd completed, the 23rd failed in its distributor step
        launch(1, "2026-11-22", "COMPLETED", T0.minusDays(1), 180, "ingest-crm", "COMPLETED");
        launch(2, "2026-11-23", "FAILED", T0, 9, "ingest-crm", "COMPLETED", "ingest-distributor", "FAILED");

        // when
        int code = nightly("status");

        // then
        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).startsWith("last run 2026-11-23: FAILED (exit 1), failed in step ingest-distributor\n")
                .contains("reason: source 'distributor': file not found: data-samples/distributor/customers_gbk.csv\n")
                .contains("jobs/nightly --date 2026-11-23").doesNotContain("IllegalStateException");
    }

    @Test
    void theReasonComesFromTheRunsMetricsWhenTheyBelongToTheSameLaunch() throws Exception {
        // given: the job repository's message is Spring Batch's wrapper; the run's metrics.json has the root cause
        launch(1, "2026-11-23", "FAILED", T0, 9, "ingest-crm", "COMPLETED", "ingest-distributor", "FAILED");
        Path reports = var.resolve("reports/2026-11-23");
        ReportFiles.write(reports, failedMetrics(T0, "the root cause, as the run printed it"));

        // when
        int code = nightly("status");

        // then
        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("reason: the root cause, as the run printed it\n");

        // and: metrics of another launch of that date (an earlier attempt) are not taken for this one
        ReportFiles.write(reports, failedMetrics(T0.minusHours(1), "an earlier attempt's cause"));
        out.getBuffer().setLength(0);
        nightly("history");
        assertThat(out.toString()).contains("source 'distributor': file not found").doesNotContain("earlier attempt");
    }

    private static RunMetrics failedMetrics(LocalDateTime start, String failure) {
        return new RunMetrics(RunMetrics.SCHEMA_VERSION, LocalDate.of(2026, 11, 23), "FAILED", "ingest-distributor", failure,
                start, start.plusSeconds(9), 9, List.of(), null, null, null, List.of(), List.of());
    }

    @Test
    void statusOfARunUnderWayExitsThreeAndSaysWhichStep() {
        launch(1, "2026-11-23", "STARTED", T0, 0, "ingest-crm", "COMPLETED", "match", "STARTED");

        int code = nightly("status");

        assertThat(code).isEqualTo(3);
        assertThat(out.toString()).startsWith("last run 2026-11-23: STARTED (exit 3), in step match\n")
                .contains("running for");
    }

    @Test
    void statusWithoutAnyRunExitsFour() {
        int code = nightly("status");

        assertThat(code).isEqualTo(4);
        assertThat(out.toString()).contains("no nightly run recorded yet");
    }

    @Test
    void historyListsTheLaunchesNewestFirstWithStateDurationExitCodeAndFailedStep() {
        // given: a failure, its restart that completed, then the next night
        launch(1, "2026-11-22", "FAILED", T0, 9, "ingest-crm", "COMPLETED", "ingest-distributor", "FAILED");
        launch(1, "2026-11-22", "COMPLETED", T0.plusHours(1), 175, "ingest-distributor", "COMPLETED");
        launch(2, "2026-11-23", "COMPLETED", T0.plusDays(1), 3725, "ingest-crm", "COMPLETED");

        // when
        int code = nightly("history", "--limit", "5");

        // then
        assertThat(code).as(err.toString()).isZero();
        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).startsWith("run date").contains("state").contains("duration").contains("exit")
                .contains("failed step");
        assertThat(lines[1]).startsWith("2026-11-23  COMPLETED").contains("1 h 02 min").containsPattern("\\s0\\s+-");
        assertThat(lines[2]).startsWith("2026-11-22  COMPLETED").contains("2 min 55 s");
        assertThat(lines[3]).startsWith("2026-11-22  FAILED").contains("9.0 s").containsPattern("\\s1\\s+ingest-distributor")
                .endsWith("source 'distributor': file not found: data-samples/distributor/customers_gbk.csv");

        // and: the limit holds
        out.getBuffer().setLength(0);
        assertThat(nightly("history", "--limit", "1")).isZero();
        assertThat(out.toString().split("\n")).hasSize(2);
    }

    @Test
    void historyRefusesALimitBelowOne() {
        launch(1, "2026-11-22", "COMPLETED", T0, 9, "ingest-crm", "COMPLETED");

        int code = nightly("history", "--limit", "0");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--limit must be at least 1");
    }

    @Test
    void withoutADatabaseStatusSaysNoRunAndExitsFour() {
        var = temp.resolve("elsewhere");

        int code = nightly("status");

        assertThat(code).isEqualTo(4);
        assertThat(out.toString()).contains("no nightly run recorded yet");
        assertThat(var.resolve("db")).doesNotExist();
    }
}
