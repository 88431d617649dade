package com.custmaster.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import com.custmaster.batch.NightlyJobConfiguration;
import com.custmaster.batch.NightlyRunner;
import com.custmaster.testing.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL for real: the nightly job runs as its own process (the packaged jar, as jobs/nightly
 * runs it) and is killed during ingest (one chunk committed, the next written but not), during the
 * master update (all of it written, nothing committed) and during the Spark step (half of its
 * tables staged); each time the same command is launched again. The run must complete and its
 * database and lake must equal those of an uninterrupted run of the same data: nothing lost,
 * nothing doubled. While the first process runs, a second launch is refused.
 *
 * <p>The process is stopped at each point by the test-only hook {@code CUSTMASTER_TEST_PAUSE_AT}
 * (PausePoints), which logs {@code paused at <point>} and waits to be killed, so the kill lands
 * where it is meant to, not where a timer guesses. Both workspaces hold the same slice of
 * data-samples/ with smaller settings ({@link #quick}), to keep the four launches quick.
 */
class NightlyKillIT {

    private static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 22);
    private static final Duration PATIENCE = Duration.ofMinutes(4);

    @TempDir
    Path temp;

    private final List<Process> launched = new ArrayList<>();

    /** No process outlives the test, whatever failed. */
    @AfterEach
    void killWhatIsLeft() throws InterruptedException {
        for (Process process : launched) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRunKilledDuringIngestMasterUpdateAndSparkStepCompletesOnRestartWithTheOutputsOfAnUninterruptedRun()
            throws Exception {
        SampleWorkspace killed = quick(new SampleWorkspace(temp.resolve("killed")));
        SampleWorkspace uninterrupted = quick(new SampleWorkspace(temp.resolve("uninterrupted")));

        Process first = launch(killed, "ingest-crm", "1-ingest");
        NightlyRunner.Outcome second = new NightlyRunner(killed.config()).run(RUN_DATE);
        kill(first);
        kill(launch(killed, "match", "2-match"));
        kill(launch(killed, "customer-value", "3-customer-value"));
        Process last = launch(killed, null, "4-restart");
        assertThat(last.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the last launch finished").isTrue();
        NightlyRunner.Outcome reference = new NightlyRunner(uninterrupted.config()).run(RUN_DATE);

        assertThat(second.result()).isEqualTo(NightlyRunner.Result.ALREADY_RUNNING);
        assertThat(second.result().exitCode()).isEqualTo(3);
        assertThat(second.message()).contains("another nightly run is in progress").contains("pid " + first.pid())
                .doesNotContain("\n");
        assertThat(last.exitValue()).as(log("4-restart")).isZero();
        assertThat(log("4-restart")).contains("run 2026-11-22 completed");
        assertThat(reference.result()).isEqualTo(NightlyRunner.Result.COMPLETED);
        // every completed step kept its status through the kills; ingest-crm resumed after its committed chunk
        assertThat(completedSteps(killed)).containsEntry("ingest-callcentre", 1).containsEntry("ingest-crm", 1)
                .containsEntry("ingest-distributor", 1).containsEntry("match", 1).containsEntry("export", 1)
                .containsEntry("customer-value", 1).containsEntry("publish", 1);
        assertThat(rows(killed, "SELECT READ_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'ingest-crm' "
                + "AND STATUS = 'COMPLETED'")).containsExactlyElementsOf(rows(uninterrupted,
                "SELECT records_read - 40 FROM source_run WHERE source = 'crm'"));
        for (String query : List.of(
                "SELECT source, records_read, records_staged, records_rejected FROM source_run ORDER BY source",
                "SELECT * FROM staged_contact ORDER BY source, line_number",
                "SELECT * FROM rejected_record ORDER BY source, line_number",
                "SELECT * FROM source_record ORDER BY source, source_record_id",
                "SELECT * FROM customer_master ORDER BY master_id",
                "SELECT * FROM master_xref ORDER BY source, source_record_id",
                "SELECT * FROM master_field_lineage ORDER BY master_id, field",
                "SELECT * FROM master_id_counter",
                "SELECT run_date, action, master_id, related_master_id, actor, detail FROM master_audit "
                        + "ORDER BY master_id, action, related_master_id",
                "SELECT * FROM match_pair ORDER BY left_source, left_record_id, right_source, right_record_id")) {
            assertThat(rows(killed, query)).as(query).isEqualTo(rows(uninterrupted, query));
        }
        for (String table : NightlyJobConfiguration.PUBLISHED_TABLES) {
            String query = "SELECT * FROM %s ORDER BY ALL";
            assertThat(killed.table(table, RUN_DATE.toString()).resolve("_SUCCESS")).as(table).exists();
            assertThat(killed.duckdb(query.formatted(killed.parquet(table, RUN_DATE.toString()))))
                    .as(table).isNotEmpty()
                    .isEqualTo(uninterrupted.duckdb(query.formatted(uninterrupted.parquet(table, RUN_DATE.toString()))));
        }
        assertThat(killed.lake().resolve("_staging").resolve(RUN_DATE.toString())).doesNotExist();
    }

    /**
     * A slice of data-samples/ (the first records of three sources and of the orders), chunks of 40
     * records, a smaller u-sample and K-means range: the same in both workspaces, so the four
     * launches and the reference stay quick while every step still has real work.
     */
    private static SampleWorkspace quick(SampleWorkspace workspace) throws IOException {
        Path data = workspace.home.resolve("data-samples");
        keepFirstLines(data.resolve("crm/contacts.csv"), 151);
        keepFirstLines(data.resolve("callcentre/calls.jsonl"), 100);
        keepFirstLines(data.resolve("distributor/customers_gbk.csv"), 101);
        keepFirstLines(data.resolve("orders/orders.csv"), 3001);
        Files.delete(workspace.home.resolve("conf/sources/legacy_erp.yml"));
        edit(workspace.home.resolve("conf/pipeline.yml"), "chunk_size: 1000", "chunk_size: 40");
        edit(workspace.home.resolve("conf/matching.yml"), "u_sample_pairs: 1000000", "u_sample_pairs: 20000");
        edit(workspace.home.resolve("conf/analytics.yml"), "k_max: 6", "k_max: 3");
        edit(workspace.home.resolve("conf/analytics.yml"), "sample_size: 50000", "sample_size: 1000");
        return workspace;
    }

    /** Cuts a file after its first lines (bytes, so any encoding whose newline is one byte). */
    private static void keepFirstLines(Path file, int lines) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int end = 0;
        for (int seen = 0; end < bytes.length && seen < lines; end++) {
            if (bytes[end] == '\n') {
                seen++;
            }
        }
        Files.write(file, Arrays.copyOf(bytes, end));
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).as(file.toString()).contains(from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    /**
     * Starts {@code nightly} for the run date in its own JVM; with a pause point, returns once the
     * process says it reached it.
     */
    private Process launch(SampleWorkspace workspace, String pauseAt, String name) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ChildJvm.application(
                List.of("-Xmx1500m", "-XX:TieredStopAtLevel=1", "-Duser.timezone=UTC"),
                List.of("nightly", "--date", RUN_DATE.toString(), "--conf", workspace.home.resolve("conf").toString(),
                        "--var", workspace.home.resolve("var").toString())))
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve(name + ".log").toFile());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().remove("CUSTMASTER_TEST_PAUSE_AT");
        if (pauseAt != null) {
            builder.environment().put("CUSTMASTER_TEST_PAUSE_AT", pauseAt);
        }
        Process process = builder.start();
        launched.add(process);
        if (pauseAt != null) {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!log(name).contains("paused at " + pauseAt + " ")) {
                assertThat(process.isAlive()).as("%s still running; its output: %s", name, log(name)).isTrue();
                assertThat(System.nanoTime()).as("%s reached %s in time; its output: %s", name, pauseAt, log(name))
                        .isLessThan(deadline);
                Thread.sleep(200);
            }
        }
        return process;
    }

    /** SIGKILL (destroyForcibly on Linux), then wait until the process is gone. */
    private static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("killed").isTrue();
        assertThat(process.exitValue()).as("exit status of a SIGKILL").isEqualTo(128 + 9);
    }

    private String log(String name) throws IOException {
        Path file = temp.resolve(name + ".log");
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    /** Completed executions per step name: a step that ran to the end twice would show 2. */
    private static Map<String, Integer> completedSteps(SampleWorkspace workspace) throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (List<Object> row : rows(workspace, "SELECT STEP_NAME, COUNT(*) FROM BATCH_STEP_EXECUTION "
                + "WHERE STATUS = 'COMPLETED' GROUP BY STEP_NAME")) {
            counts.put((String) row.get(0), ((Number) row.get(1)).intValue());
        }
        return counts;
    }

    /** Rows of a query on the workspace's database, with the workspace's own folder written as "~". */
    private static List<List<Object>> rows(SampleWorkspace workspace, String sql) throws SQLException {
        String home = workspace.home.toString();
        List<List<Object>> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(workspace.config().database().url(), "sa", "");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    Object value = rs.getObject(i);
                    row.add(value instanceof String text ? text.replace(home, "~") : value);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
