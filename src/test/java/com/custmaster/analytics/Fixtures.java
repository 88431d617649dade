package com.custmaster.analytics;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/** Small hand-made inputs for the customer-value tests. */
final class Fixtures {

    private Fixtures() {
    }

    /** One transaction line: who, when (an ISO instant, UTC), how much (a decimal string). */
    record Tx(String masterId, Instant orderTs, BigDecimal amount) {
    }

    static Tx tx(String masterId, String isoInstant, String amount) {
        return new Tx(masterId, Instant.parse(isoInstant), new BigDecimal(amount));
    }

    /** A transaction at noon UTC, {@code daysBefore} days before {@code asOf}. */
    static Tx daysBefore(String masterId, LocalDate asOf, int daysBefore, String amount) {
        Instant noon = asOf.minusDays(daysBefore).atTime(12, 0).toInstant(ZoneOffset.UTC);
        return new Tx(masterId, noon, new BigDecimal(amount));
    }

    static Dataset<Row> transactions(SparkSession spark, List<Tx> lines) {
        List<Row> rows = new ArrayList<>();
        int orderNumber = 0;
        for (Tx line : lines) {
            orderNumber++;
            rows.add(RowFactory.create(line.masterId(), "o" + orderNumber, Timestamp.from(line.orderTs()), line.amount()));
        }
        return spark.createDataFrame(rows, AnalyticsSchema.TRANSACTIONS);
    }

    static Dataset<Row> customers(SparkSession spark, String... masterIds) {
        List<Row> rows = new ArrayList<>();
        for (String masterId : masterIds) {
            rows.add(RowFactory.create(masterId));
        }
        return spark.createDataFrame(rows, AnalyticsSchema.CUSTOMERS_INPUT);
    }

    static Dataset<Row> customers(SparkSession spark, List<String> masterIds) {
        return customers(spark, masterIds.toArray(new String[0]));
    }

    /** Rows keyed by master_id, in master_id order. */
    static Map<String, Row> byMasterId(Dataset<Row> data) {
        Map<String, Row> rows = new LinkedHashMap<>();
        List<Row> collected = new ArrayList<>(data.collectAsList());
        collected.sort((left, right) -> left.<String>getAs(AnalyticsSchema.MASTER_ID)
                .compareTo(right.getAs(AnalyticsSchema.MASTER_ID)));
        for (Row row : collected) {
            rows.put(row.getAs(AnalyticsSchema.MASTER_ID), row);
        }
        return rows;
    }

    static LocalDate date(Row row, String column) {
        Date value = row.getAs(column);
        return value == null ? null : value.toLocalDate();
    }

    static List<String> ids(String prefix, int count) {
        String[] ids = new String[count];
        for (int i = 0; i < count; i++) {
            ids[i] = String.format(Locale.ROOT, "%s%02d", prefix, i + 1);
        }
        return Arrays.asList(ids);
    }
}
