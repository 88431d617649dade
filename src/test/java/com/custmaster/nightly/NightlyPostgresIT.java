package com.custmaster.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import com.custmaster.batch.DatabaseRunLock;
import com.custmaster.batch.NightlyJobConfiguration;
import com.custmaster.batch.NightlyRunner;
import com.custmaster.match.RecordPair;
import com.custmaster.steward.QueuedPair;
import com.custmaster.steward.StewardAction;
import com.custmaster.steward.StewardService;
import com.custmaster.testing.PostgresServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The whole nightly job on data-samples/ with its operational database on a real PostgreSQL server
 * (Debian's, started by {@link PostgresServer}), launched as operators launch it: {@code jobs/nightly}
 * in its own process with {@code CUSTMASTER_DB_URL}, {@code CUSTMASTER_DB_USER} and
 * {@code CUSTMASTER_DB_PASSWORD} in its environment. The same date run on H2 is the reference: every
 * operational table, the review queue and every published Parquet table must come out the same, and
 * running the date again on PostgreSQL must change nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NightlyPostgresIT {

    private static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 22);
    private static final String DATE = RUN_DATE.toString();
    private static final long LAUNCH_TIMEOUT_MINUTES = 5;
    /** A CRM record whose id holds a NUL, as a corrupt export might: PostgreSQL's text cannot store U+0000. */
    private static final String RECORD_WITH_NUL = "CRM-99\u000001,Ms,Lina,Wang,lina.wang@example.com,+86 139 1234 5678,,"
            + "1990-01-01,\"Room 1, No. 2 Renmin Road\",Shanghai,200000,CN,,2026-11-21 09:00:00\n";

    /**
     * Every operational table the nightly writes, as columns in a fixed order (audit and action ids
     * and wall-clock times left out: they differ between any two runs).
     */
    private static final Map<String, String> TABLES = tables();

    @TempDir
    static Path temp;

    private static PostgresServer postgres;
    private static SampleWorkspace onH2;
    private static SampleWorkspace onPostgres;
    private static JdbcConnectionPool h2Pool;
    private static DataSource h2;
    private static DataSource postgresql;
    private static Launch launched;

    /** A finished {@code jobs/nightly} process: its exit code and what it printed. */
    record Launch(int exitCode, String stdout, String stderr) {
    }

    /** A {@code jobs/nightly} process started for the run date, its output going to two files. */
    record Running(Process process, Path stdout, Path stderr) {

        /** Starts {@code jobs/nightly} on a workspace, with the PostgreSQL login in its environment. */
        static Running nightly(SampleWorkspace workspace) throws IOException {
            Path out = Files.createTempFile(temp, "nightly", ".out");
            Path err = Files.createTempFile(temp, "nightly", ".err");
            ProcessBuilder builder = new ProcessBuilder("jobs/nightly", "--date", DATE, "--conf",
                    workspace.home.resolve("conf").toString(), "--var", workspace.home.resolve("var").toString())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(postgres.login().environment());
            builder.environment().put("CUSTMASTER_JAVA_OPTS", "-Xmx1g -XX:+UseParallelGC -XX:TieredStopAtLevel=1");
            builder.environment().remove("SPARK_MASTER");
            return new Running(builder.start(), out, err);
        }

        Launch await() throws IOException, InterruptedException {
            if (!process.waitFor(LAUNCH_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("jobs/nightly did not finish in " + LAUNCH_TIMEOUT_MINUTES + " minutes: "
                        + Files.readString(stderr, StandardCharsets.UTF_8));
            }
            return new Launch(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        }
    }

    @BeforeAll
    static void runTheSameNightOnH2AndOnPostgres() throws Exception {
        postgres = PostgresServer.start(Path.of("target", "postgres"));
        onH2 = prepared(new SampleWorkspace(temp.resolve("h2")));
        onPostgres = prepared(new SampleWorkspace(temp.resolve("postgresql")));

        // Side by side: the PostgreSQL night in its own process while the H2 one runs here.
        Running onPostgresRun = Running.nightly(onPostgres);
        NightlyRunner.Outcome reference;
        try {
            reference = new NightlyRunner(onH2.config()).run(RUN_DATE);
        } catch (Exception | Error e) {
            onPostgresRun.process().destroyForcibly();
            throw e;
        }
        launched = onPostgresRun.await();
        assertThat(reference.result()).as(reference.message()).isEqualTo(NightlyRunner.Result.COMPLETED);

        h2Pool = JdbcConnectionPool.create(onH2.config().database().url(), "sa", "");
        h2 = h2Pool;
        PostgresServer.Login login = postgres.login();
        postgresql = new DriverManagerDataSource(login.url(), login.user(), login.password());
    }

    @AfterAll
    static void stopPostgres() {
        if (h2Pool != null) {
            h2Pool.dispose();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void theLauncherRunsTheNightOnThePostgresDatabaseNamedInTheEnvironment() throws Exception {
        assertThat(launched.exitCode()).as(launched.stderr()).isZero();
        assertThat(launched.stdout()).contains("nightly run " + DATE + ": COMPLETED");
        try (Connection connection = postgres.login().connect();
             PreparedStatement statement = connection.prepareStatement("SELECT e.status FROM batch_job_execution e "
                     + "JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id WHERE i.job_name = ?")) {
            statement.setString(1, "nightly");
            assertThat(column(statement)).containsExactly("COMPLETED");
        }
        assertThat(onPostgres.home.resolve("var/db")).as("no H2 database beside the PostgreSQL run").doesNotExist();
        assertThat(query(postgresql, "SELECT CASE WHEN 'a' < 'B' THEN 'locale' ELSE 'code point' END"))
                .as("the database sorts text unlike H2 (so equal results do not come from an equal order)")
                .containsExactly("locale");
    }

    @Test
    @Order(2)
    void perSourceCountsAndRejectReasonsAreTheSameAsOnH2() throws Exception {
        List<String> counts = rows(postgresql, onPostgres, "source_run");

        assertThat(counts).hasSize(4).allSatisfy(row -> assertThat(row).startsWith(DATE));
        assertThat(rows(postgresql, onPostgres, "rejected_record")).isNotEmpty()
                .containsExactlyElementsOf(rows(h2, onH2, "rejected_record"));
        assertThat(counts).containsExactlyElementsOf(rows(h2, onH2, "source_run"));
        assertThat(reasons(postgresql)).isEqualTo(reasons(h2)).containsKeys("malformed_row", "no_identity", "invalid_date");
    }

    @Test
    @Order(3)
    void stagedAndCurrentSourceRecordsAreTheSameAsOnH2() throws Exception {
        for (String table : List.of("staged_contact", "source_record", "source_watermark")) {
            assertThat(rows(postgresql, onPostgres, table)).as(table).containsExactlyElementsOf(rows(h2, onH2, table));
        }
        assertThat(rows(postgresql, onPostgres, "staged_contact")).hasSizeGreaterThan(100)
                .anySatisfy(row -> assertThat(row).contains("张"))
                .anySatisfy(row -> assertThat(row).contains("CRM-99\uFFFD01"));
    }

    @Test
    @Order(4)
    void crosswalkGoldenRecordsLineageAndIdCounterAreTheSameAsOnH2() throws Exception {
        for (String table : List.of("master_xref", "customer_master", "master_field_lineage", "master_id_counter")) {
            assertThat(rows(postgresql, onPostgres, table)).as(table).isNotEmpty()
                    .containsExactlyElementsOf(rows(h2, onH2, table));
        }
    }

    @Test
    @Order(5)
    void scoredPairsModelAndMasterAuditAreTheSameAsOnH2() throws Exception {
        for (String table : List.of("match_pair", "match_model", "master_audit")) {
            assertThat(rows(postgresql, onPostgres, table)).as(table).isNotEmpty()
                    .containsExactlyElementsOf(rows(h2, onH2, table));
        }
        String byAction = "SELECT action, COUNT(*) FROM master_audit GROUP BY action";
        assertThat(query(postgresql, byAction)).isEqualTo(query(h2, byAction)).anySatisfy(row -> assertThat(row)
                .startsWith("created"));
    }

    @Test
    @Order(6)
    void theReviewQueueIsTheSameAsOnH2InTheSameOrder() {
        List<QueuedPair> queue = queue(postgresql, onPostgres);

        assertThat(queue).isNotEmpty().isEqualTo(queue(h2, onH2));
    }

    @Test
    @Order(7)
    void everyPublishedParquetTableIsTheSameAsOnH2() {
        for (String table : NightlyJobConfiguration.PUBLISHED_TABLES) {
            List<Map<String, Object>> rows = parquet(onPostgres, table);
            assertThat(rows).as(table).isNotEmpty().isEqualTo(parquet(onH2, table));
        }
    }

    @Test
    @Order(8)
    void runningTheSameDateAgainOnPostgresChangesNothing() throws Exception {
        Map<String, List<String>> tables = snapshot(postgresql, onPostgres);
        List<String> executions = query(postgresql, "SELECT job_execution_id, status FROM batch_job_execution");
        Map<String, String> lake = onPostgres.lakeDigest();

        Launch again = Running.nightly(onPostgres).await();

        assertThat(again.exitCode()).as(again.stderr()).isZero();
        assertThat(again.stdout()).contains("already completed");
        assertThat(snapshot(postgresql, onPostgres)).isEqualTo(tables);
        assertThat(query(postgresql, "SELECT job_execution_id, status FROM batch_job_execution")).isEqualTo(executions);
        assertThat(onPostgres.lakeDigest()).isEqualTo(lake);
    }

    @Test
    @Order(10)
    void aLaunchFromAnotherVarFolderIsRefusedWhileTheDatabaseRunLockIsHeld() throws Exception {
        List<String> executions = query(postgresql, "SELECT job_execution_id, status FROM batch_job_execution");
        Launch refused;
        // This connection stands for a run on another machine: it holds the advisory lock a run holds.
        try (Connection otherMachine = postgresql.getConnection();
             PreparedStatement lock = otherMachine.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, DatabaseRunLock.KEY);
            try (ResultSet taken = lock.executeQuery()) {
                assertThat(taken.next() && taken.getBoolean(1)).isTrue();
            }
            refused = Running.nightly(onPostgres).await();
        }
        Launch afterwards = Running.nightly(onPostgres).await();

        assertThat(refused.exitCode()).as(refused.stdout() + refused.stderr()).isEqualTo(3);
        assertThat(refused.stdout() + refused.stderr()).contains("database's run lock");
        assertThat(query(postgresql, "SELECT job_execution_id, status FROM batch_job_execution")).isEqualTo(executions);
        // The lock went with the connection that held it.
        assertThat(afterwards.exitCode()).as(afterwards.stderr()).isZero();
        assertThat(afterwards.stdout()).contains("already completed");
    }

    /**
     * The samples plus {@link #RECORD_WITH_NUL}; K-means tries 2 and 3 segments instead of 2 to 6
     * (the search is Spark work the database plays no part in, and the slowest part of the night).
     */
    private static SampleWorkspace prepared(SampleWorkspace workspace) throws IOException {
        Files.writeString(workspace.home.resolve("data-samples/crm/contacts.csv"), RECORD_WITH_NUL, StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        Path analytics = workspace.home.resolve("conf/analytics.yml");
        String settings = Files.readString(analytics, StandardCharsets.UTF_8);
        assertThat(settings).contains("k_max: 6");
        Files.writeString(analytics, settings.replace("k_max: 6", "k_max: 3"), StandardCharsets.UTF_8);
        return workspace;
    }

    @Test
    @Order(9)
    void aStewardsRejectSearchAndUndoGiveTheSameResultsOnPostgresAsOnH2() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);
        StewardService onH2Steward = steward(h2, onH2, clock);
        StewardService onPostgresSteward = steward(postgresql, onPostgres, clock);
        RecordPair pair = onPostgresSteward.queue(1).get(0).pair();

        StewardAction rejected = onPostgresSteward.reject(pair, "ops", "two people");
        assertThat(rejected).isEqualTo(onH2Steward.reject(pair, "ops", "two people"));
        assertThat(onPostgresSteward.queue(1000)).isEqualTo(onH2Steward.queue(1000)).noneMatch(queued -> queued.pair().equals(pair));
        for (String text : List.of("wang", "1380", "nobody by this name")) {
            assertThat(onPostgresSteward.search(text, 50)).as(text).isEqualTo(onH2Steward.search(text, 50));
        }
        assertThat(onPostgresSteward.search("wang", 50)).hasSize(50);
        StewardAction undone = onPostgresSteward.undo(pair.left().toString(), "ops", "by mistake");
        assertThat(undone).isEqualTo(onH2Steward.undo(pair.left().toString(), "ops", "by mistake"));
        assertThat(undone.undoes()).isEqualTo(rejected.id());
        assertThat(onPostgresSteward.queue(1000)).isEqualTo(onH2Steward.queue(1000)).anyMatch(queued -> queued.pair().equals(pair));
    }

    private static Map<String, String> tables() {
        String contact = "source, source_record_id, full_name, given_name, family_name, name_key, email, email_key, "
                + "phone, phone_raw, birth_date, address_line, city, postcode, region, country, company, company_key, "
                + "id_number, updated_at, quality_flags";
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("source_run", "SELECT run_date, source, records_read, records_staged, records_rejected, "
                + "records_unchanged, watermark_candidate FROM source_run");
        tables.put("rejected_record", "SELECT run_date, source, line_number, origin, source_record_id, field, raw_value, "
                + "reason, message FROM rejected_record");
        tables.put("staged_contact", "SELECT run_date, line_number, origin, " + contact + " FROM staged_contact");
        tables.put("source_record", "SELECT " + contact + ", first_seen_run, last_seen_run FROM source_record");
        tables.put("source_watermark", "SELECT source, watermark, watermark_type, run_date FROM source_watermark");
        tables.put("customer_master", "SELECT master_id, status, redirect_to, full_name, given_name, family_name, email, "
                + "phone, birth_date, address_line, city, postcode, region, country, company, id_number, source_count, "
                + "created_run, updated_run FROM customer_master");
        tables.put("master_id_counter", "SELECT next_value FROM master_id_counter");
        tables.put("master_xref", "SELECT source, source_record_id, master_id FROM master_xref");
        tables.put("master_field_lineage", "SELECT master_id, field, source, source_record_id, rule FROM master_field_lineage");
        tables.put("match_pair", "SELECT run_date, left_source, left_record_id, right_source, right_record_id, match_weight, "
                + "match_probability, decision, blocking_rule, evidence FROM match_pair");
        tables.put("match_model", "SELECT trained_run, record_count, settings_digest, model_json FROM match_model");
        tables.put("master_audit", "SELECT run_date, action, master_id, related_master_id, actor, detail, reason "
                + "FROM master_audit");
        return tables;
    }

    private static Map<String, List<String>> snapshot(DataSource database, SampleWorkspace workspace) throws SQLException {
        Map<String, List<String>> snapshot = new LinkedHashMap<>();
        for (String table : TABLES.keySet()) {
            snapshot.put(table, rows(database, workspace, table));
        }
        return snapshot;
    }

    /** A table's rows, each its values joined by " | ", the workspace's folder written as {@code <home>}, sorted. */
    private static List<String> rows(DataSource database, SampleWorkspace workspace, String table) throws SQLException {
        String home = workspace.home.toString();
        return query(database, TABLES.get(table)).stream().map(row -> row.replace(home, "<home>")).sorted().toList();
    }

    /** Rows of a query, each its values (as {@code String.valueOf} of the JDBC object) joined by " | ". */
    private static List<String> query(DataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rs = statement.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> values = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    values.add(String.valueOf(rs.getObject(i)));
                }
                rows.add(String.join(" | ", values));
            }
            return rows.stream().sorted().toList();
        }
    }

    private static List<String> column(PreparedStatement statement) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static Map<String, Long> reasons(DataSource database) throws SQLException {
        return query(database, "SELECT reason FROM rejected_record").stream()
                .collect(Collectors.groupingBy(reason -> reason, java.util.TreeMap::new, Collectors.counting()));
    }

    /** The review queue as stewards see it (jobs/steward list, the console), most useful first. */
    private static List<QueuedPair> queue(DataSource database, SampleWorkspace workspace) {
        return steward(database, workspace, Clock.systemUTC()).queue(1000);
    }

    private static StewardService steward(DataSource database, SampleWorkspace workspace, Clock clock) {
        return new StewardService(new JdbcTemplate(database), new DataSourceTransactionManager(database),
                workspace.config().matching(), clock);
    }

    /** A published table read back by DuckDB, in the order of all its columns. */
    private static List<Map<String, Object>> parquet(SampleWorkspace workspace, String table) {
        return workspace.duckdb("SELECT * FROM " + workspace.parquet(table, DATE) + " ORDER BY ALL");
    }
}
