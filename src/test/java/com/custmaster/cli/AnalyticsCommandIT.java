package com.custmaster.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.custmaster.testing.DuckDb;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code custmaster analytics} on the UCI Online Retail data (../shared/eval/transactions), cleaned
 * as usual (customer id present, not cancelled, quantity and unit price positive): every customer's
 * RFM values equal an independent computation from the CSV, the published figures hold (4,338
 * customers, 8,911,407.90 revenue, customer 12347, the top 20% of customers making about 74.6% of
 * revenue), and the tables are read back by DuckDB, not by Spark.
 */
class AnalyticsCommandIT {

    private static Path data;
    private static final LocalDate AS_OF = LocalDate.of(2011, 12, 9);

    @TempDir
    static Path out;

    private static int exitCode;
    private static String printed;

    /** Independent figures per customer: purchase days, net spend. */
    private record Expected(TreeSet<LocalDate> days, BigDecimal monetary) {
    }

    /**
     * The labelled data lives beside the checkout (../shared/eval), or where CUSTMASTER_EVAL points; a
     * checkout elsewhere on this machine finds it under /work/shared/eval.
     */
    private static Path evalData(String file) {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getenv("CUSTMASTER_EVAL");
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        candidates.add(Path.of("../shared/eval"));
        candidates.add(Path.of("/work/shared/eval"));
        for (Path root : candidates) {
            if (Files.isRegularFile(root.resolve(file))) {
                return root.resolve(file);
            }
        }
        Assumptions.abort("the labelled data " + file + " is not in any of " + candidates + " (set CUSTMASTER_EVAL)");
        return null;
    }

    @BeforeAll
    static void runTheCommand() {
        data = evalData("transactions/online_retail.csv");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        exitCode = Main.execute(new PrintWriter(stdout, true), new PrintWriter(stderr, true), "analytics",
                "--transactions", data.toString(), "--map", "customer_id=CustomerID", "--map", "order_id=InvoiceNo",
                "--map", "order_ts=InvoiceDate", "--map", "quantity=Quantity", "--map", "unit_price=UnitPrice",
                "--where", "CAST(Quantity AS DOUBLE) > 0 AND CAST(UnitPrice AS DOUBLE) > 0 AND InvoiceNo NOT LIKE 'C%'",
                "--as-of", AS_OF.toString(), "--out", out.toString(), "--conf", "conf");
        printed = stdout + stderr.toString();
    }

    private static Map<String, Expected> independentRfm() throws Exception {
        Map<String, Expected> customers = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(data, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                String customer = row.get("CustomerID").trim();
                BigDecimal quantity = new BigDecimal(row.get("Quantity").trim());
                BigDecimal price = new BigDecimal(row.get("UnitPrice").trim());
                LocalDate day = LocalDate.parse(row.get("InvoiceDate").trim().substring(0, 10));
                if (customer.isEmpty() || quantity.signum() <= 0 || price.signum() <= 0 || row.get("InvoiceNo").startsWith("C")
                        || day.isAfter(AS_OF)) {
                    continue;
                }
                BigDecimal amount = quantity.multiply(price).setScale(2, RoundingMode.HALF_UP);
                Expected known = customers.computeIfAbsent(customer, c -> new Expected(new TreeSet<>(), BigDecimal.ZERO));
                known.days().add(day);
                customers.put(customer, new Expected(known.days(), known.monetary().add(amount)));
            }
        }
        return customers;
    }

    private static List<Map<String, Object>> duckdb(String sql) {
        return DuckDb.query(sql);
    }

    private static String table(String name) {
        return "read_parquet('" + out.resolve(name).resolve("snapshot_date=" + AS_OF).resolve("*.parquet") + "')";
    }

    @Test
    void theCommandSucceedsAndReportsWhatItLeftOut() {
        assertThat(exitCode).as(printed).isZero();
        assertThat(printed).contains("541,909 rows read: 397,884 used").contains("4,338 customers")
                .contains("net revenue 8911407.90");
        assertThat(out.resolve("customer_value").resolve("snapshot_date=" + AS_OF).resolve("_SUCCESS")).exists();
        assertThat(out.resolve("_staging")).as("nothing left staged").doesNotExist();
    }

    @Test
    void everyCustomersRfmValuesEqualAnIndependentComputation() throws Exception {
        Map<String, Expected> expected = independentRfm();
        List<Map<String, Object>> rows = duckdb("SELECT master_id, first_purchase_date, last_purchase_date, recency_days, "
                + "frequency, monetary FROM " + table("customer_value"));

        assertThat(rows).hasSize(expected.size()).hasSize(4338);
        for (Map<String, Object> row : rows) {
            Expected known = expected.get((String) row.get("master_id"));
            assertThat(known).as(row.toString()).isNotNull();
            assertThat(((Number) row.get("frequency")).intValue()).as(row.toString()).isEqualTo(known.days().size());
            assertThat((BigDecimal) row.get("monetary")).as(row.toString()).isEqualByComparingTo(known.monetary());
            assertThat(row.get("last_purchase_date").toString()).isEqualTo(known.days().last().toString());
            assertThat(row.get("first_purchase_date").toString()).isEqualTo(known.days().first().toString());
            assertThat(((Number) row.get("recency_days")).longValue())
                    .isEqualTo(ChronoUnit.DAYS.between(known.days().last(), AS_OF));
        }
        Map<String, Object> c12347 = rows.stream().filter(row -> row.get("master_id").equals("12347")).findFirst().orElseThrow();
        assertThat(((Number) c12347.get("frequency")).intValue()).isEqualTo(7);
        assertThat((BigDecimal) c12347.get("monetary")).isEqualByComparingTo("4310.00");
        assertThat(c12347.get("last_purchase_date").toString()).isEqualTo("2011-12-07");
    }

    @Test
    void theTopFifthOfCustomersMakesAboutThreeQuartersOfRevenueAndTheSummariesAddUp() throws Exception {
        Map<String, Object> top = duckdb("WITH ranked AS (SELECT monetary, row_number() OVER (ORDER BY monetary DESC) AS n, "
                + "count(*) OVER () AS total FROM " + table("customer_value") + ") SELECT sum(CASE WHEN n <= total * 0.2 "
                + "THEN monetary ELSE 0 END) / sum(monetary) AS share FROM ranked").get(0);
        assertThat(((Number) top.get("share")).doubleValue()).isCloseTo(0.746, within(0.005));

        List<Map<String, Object>> bands = duckdb("SELECT * FROM " + table("value_band_summary"));
        assertThat(bands).hasSize(4);
        assertThat(bands.stream().mapToDouble(row -> ((Number) row.get("share_of_revenue")).doubleValue()).sum())
                .isCloseTo(1.0, within(1e-9));
        assertThat(((Number) bands.get(0).get("customers_share_for_80pct_revenue")).doubleValue()).isBetween(0.2, 0.3);
        assertThat(duckdb("SELECT sum(customers) AS n FROM " + table("rfm_segment_summary")).get(0).get("n").toString())
                .isEqualTo("4338");
    }

    @Test
    void theChurnModelIsFittedAndItsForecastsAreFilledForEveryBuyer() throws Exception {
        JsonNode model = new ObjectMapper().readTree(out.resolve("models").resolve("churn_model.json").toFile());
        assertThat(model.get("fitted").asBoolean()).isTrue();
        assertThat(model.get("converged").asBoolean()).isTrue();
        assertThat(model.get("customers").asLong()).isEqualTo(4338);
        assertThat(model.get("gamma_gamma").get("fitted").asBoolean()).isTrue();
        Map<String, Object> forecasts = duckdb("SELECT count(p_alive) AS alive, count(expected_value_12m) AS valued, "
                + "min(p_alive) AS low, max(p_alive) AS high FROM " + table("customer_value")).get(0);
        assertThat(((Number) forecasts.get("alive")).longValue()).isEqualTo(4338);
        assertThat(((Number) forecasts.get("valued")).longValue()).isEqualTo(4338);
        assertThat(((Number) forecasts.get("low")).doubleValue()).isGreaterThanOrEqualTo(0.0);
        assertThat(((Number) forecasts.get("high")).doubleValue()).isLessThanOrEqualTo(1.0);
    }
}
