package com.custmaster.nightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.custmaster.batch.NightlyRunner;
import com.custmaster.batch.RunSummary;
import com.custmaster.config.ConfigException;
import com.custmaster.config.ConfigLoader;
import com.custmaster.config.PipelineConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest rules that only show over whole runs: the reject limit of a source, incremental reading
 * with a watermark that advances only when a run completes, and the check of mapped columns before
 * anything is read. Small hand-made sources; the real job, database and Spark.
 */
class IngestRulesIT {

    private static final LocalDate NIGHT_1 = LocalDate.of(2026, 11, 20);
    private static final LocalDate NIGHT_2 = LocalDate.of(2026, 11, 21);
    private static final LocalDate NIGHT_3 = LocalDate.of(2026, 11, 22);

    @TempDir
    Path home;

    private String erpUrl;

    @BeforeEach
    void writeConfiguration() throws Exception {
        Path conf = SmallConf.write(home);
        Files.writeString(conf.resolve("sources/erp.yml"), """
                name: erp
                type: jdbc
                id: CUST_NO
                priority: 1
                phone_region: CN
                incremental: { column: LAST_MODIFIED, type: timestamp }
                jdbc: { url: "jdbc:h2:file:${home}/erp/legacy", table: CUSTOMERS }
                fields: { full_name: FULL_NAME, phone: TEL, email: EMAIL }
                """, StandardCharsets.UTF_8);
        Files.writeString(home.resolve("orders.csv"), """
                order_id,source,customer_ref,order_ts,amount
                O1,erp,E1,2026-01-05 10:00:00,120.00
                O2,erp,E2,2026-03-05 10:00:00,80.00
                O3,erp,E3,2026-06-05 10:00:00,15.50
                """, StandardCharsets.UTF_8);
        erpUrl = "jdbc:h2:file:" + home.resolve("erp/legacy");
        erp("CREATE TABLE CUSTOMERS (CUST_NO VARCHAR(10) PRIMARY KEY, FULL_NAME VARCHAR(100), TEL VARCHAR(30), "
                + "EMAIL VARCHAR(100), LAST_MODIFIED TIMESTAMP)");
        for (int i = 1; i <= 5; i++) {
            erp("INSERT INTO CUSTOMERS VALUES ('E" + i + "', 'Person " + (char) ('A' + i) + "', '+86 138 0013 800" + i
                    + "', 'p" + i + "@example.com', TIMESTAMP '2026-11-0" + i + " 08:00:00')");
        }
    }

    @Test
    void anIncrementalSourceReadsOnlyChangedRowsAndItsWatermarkAdvancesOnlyWithACompletedRun() throws Exception {
        // night 1: everything is new
        NightlyRunner.Outcome first = run(NIGHT_1);
        assertThat(first.result()).isEqualTo(NightlyRunner.Result.COMPLETED);
        assertThat(counts(first)).isEqualTo(new RunSummary.SourceCounts("erp", 5, 5, 0));
        assertThat(watermark()).isEqualTo("2026-11-05T08:00");

        // night 2: one row changed, one added
        erp("UPDATE CUSTOMERS SET EMAIL = 'new2@example.com', LAST_MODIFIED = TIMESTAMP '2026-11-21 07:00:00' "
                + "WHERE CUST_NO = 'E2'");
        erp("INSERT INTO CUSTOMERS VALUES ('E6', 'Person G', '+86 138 0013 8006', 'p6@example.com', "
                + "TIMESTAMP '2026-11-21 06:00:00')");
        NightlyRunner.Outcome second = run(NIGHT_2);
        assertThat(second.result()).isEqualTo(NightlyRunner.Result.COMPLETED);
        assertThat(counts(second)).isEqualTo(new RunSummary.SourceCounts("erp", 2, 2, 0));
        assertThat(second.summary().master()).containsEntry("masters.active", 6L).containsEntry("masters.created", 1L);
        assertThat(masterEmailOf("E2")).isEqualTo("new2@example.com");
        assertThat(watermark()).isEqualTo("2026-11-21T07:00");

        // night 3 fails after ingest (the orders feed is missing): the watermark must not move
        erp("INSERT INTO CUSTOMERS VALUES ('E7', 'Person H', '+86 138 0013 8007', 'p7@example.com', "
                + "TIMESTAMP '2026-11-22 06:00:00')");
        Files.move(home.resolve("orders.csv"), home.resolve("orders.csv.away"));
        NightlyRunner.Outcome failed = run(NIGHT_3);
        assertThat(failed.result()).isEqualTo(NightlyRunner.Result.FAILED);
        assertThat(watermark()).isEqualTo("2026-11-21T07:00");

        Files.move(home.resolve("orders.csv.away"), home.resolve("orders.csv"));
        NightlyRunner.Outcome resumed = run(NIGHT_3);
        assertThat(resumed.result()).isEqualTo(NightlyRunner.Result.COMPLETED);
        assertThat(watermark()).isEqualTo("2026-11-22T06:00");
        assertThat(resumed.summary().master()).containsEntry("masters.active", 7L);
    }

    @Test
    void aSourceWithTooManyBadRowsFailsTheRunAndKeepsNothingOfIt() throws Exception {
        Path shop = home.resolve("shop.csv");
        StringBuilder rows = new StringBuilder("id,name,email\n");
        for (int i = 1; i <= 30; i++) {
            rows.append("S").append(i).append(',').append(i % 3 == 0 ? "" : "Shopper " + i).append(',')
                    .append(i % 3 == 0 ? "" : "s" + i + "@example.com").append('\n');
        }
        Files.writeString(shop, rows.toString(), StandardCharsets.UTF_8);
        Files.writeString(home.resolve("conf/sources/shop.yml"), """
                name: shop
                type: csv
                path: shop.csv
                id: id
                max_reject_share: 0.2
                fields: { full_name: name, email: email }
                """, StandardCharsets.UTF_8);

        NightlyRunner.Outcome failed = run(NIGHT_1);

        assertThat(failed.result()).isEqualTo(NightlyRunner.Result.FAILED);
        assertThat(failed.message()).contains("source 'shop': 10 of 30 records rejected").contains("max_reject_share");
        assertThat(count("SELECT COUNT(*) FROM staged_contact WHERE source = 'shop'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM rejected_record WHERE source = 'shop'")).isZero();

        // upstream fixes the export: the restarted step reads the whole file again
        Files.writeString(shop, rows.toString().replaceAll("(?m)^(S\\d+),,$", "$1,Fixed $1,$1@example.com"),
                StandardCharsets.UTF_8);
        NightlyRunner.Outcome resumed = run(NIGHT_1);

        assertThat(resumed.result()).isEqualTo(NightlyRunner.Result.COMPLETED);
        assertThat(resumed.summary().sources()).contains(new RunSummary.SourceCounts("shop", 30, 30, 0));
    }

    @Test
    void aMappedColumnMissingFromAFileStopsTheRunBeforeAnythingIsRead() throws Exception {
        Files.writeString(home.resolve("shop.csv"), "id,fullname\nS1,Ann\n", StandardCharsets.UTF_8);
        Files.writeString(home.resolve("conf/sources/shop.yml"), """
                name: shop
                type: csv
                path: shop.csv
                id: id
                fields: { full_name: name }
                """, StandardCharsets.UTF_8);
        NightlyRunner runner = new NightlyRunner(config());

        assertThatThrownBy(() -> runner.run(NIGHT_1))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("shop.yml")
                .hasMessageContaining("source 'shop'")
                .hasMessageContaining("column 'name' is not in the header");
        assertThat(home.resolve("var/db")).doesNotExist();
    }

    private NightlyRunner.Outcome run(LocalDate date) throws IOException {
        return new NightlyRunner(config()).run(date);
    }

    private PipelineConfig config() {
        return new ConfigLoader(name -> null).load(home.resolve("conf"), home.resolve("var"));
    }

    private static RunSummary.SourceCounts counts(NightlyRunner.Outcome outcome) {
        return outcome.summary().sources().stream().filter(counts -> counts.source().equals("erp")).findFirst().orElseThrow();
    }

    private void erp(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(erpUrl); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private String watermark() throws SQLException {
        return query("SELECT watermark FROM source_watermark WHERE source = 'erp'");
    }

    private String masterEmailOf(String erpId) throws SQLException {
        return query("SELECT m.email FROM customer_master m JOIN master_xref x ON x.master_id = m.master_id "
                + "WHERE x.source = 'erp' AND x.source_record_id = '" + erpId + "'");
    }

    private long count(String sql) throws SQLException {
        return Long.parseLong(query(sql));
    }

    private String query(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(config().database().url(), "sa", "");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
