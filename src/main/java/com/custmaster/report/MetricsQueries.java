package com.custmaster.report;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The run report's figures that live in the pipeline's own tables (docs/database.md): rejects by
 * reason, the sizes of the master's clusters, retired master IDs. Every query takes its values as
 * bind parameters.
 */
public final class MetricsQueries {

    private final JdbcTemplate jdbc;

    public MetricsQueries(JdbcTemplate jdbc) {
        this.jdbc = requireNonNull(jdbc, "jdbc is null");
    }

    /** Rejected records of the run per source, then reason code, both in name order. */
    public Map<String, Map<String, Long>> rejectsByReason(LocalDate runDate) {
        Map<String, Map<String, Long>> bySource = new LinkedHashMap<>();
        jdbc.query("SELECT source, reason, COUNT(*) AS n FROM rejected_record WHERE run_date = ? "
                + "GROUP BY source, reason ORDER BY source, reason", row -> {
                    bySource.computeIfAbsent(row.getString("source"), source -> new LinkedHashMap<>())
                            .put(row.getString("reason"), row.getLong("n"));
                }, runDate);
        return bySource;
    }

    /** Active master records per number of source records in them (the crosswalk as it is now), by size. */
    public List<RunMetrics.ClusterSize> clusterSizes() {
        List<RunMetrics.ClusterSize> sizes = new ArrayList<>();
        jdbc.query("SELECT members, COUNT(*) AS clusters FROM (SELECT master_id, COUNT(*) AS members FROM master_xref "
                + "GROUP BY master_id) sizes GROUP BY members ORDER BY members",
                row -> {
                    sizes.add(new RunMetrics.ClusterSize(row.getInt("members"), row.getLong("clusters")));
                });
        return sizes;
    }

    /** Master IDs retired by the run (merged into another). */
    public long retired(LocalDate runDate) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM customer_master WHERE status = ? AND updated_run = ?",
                Long.class, "retired", runDate);
        return count == null ? 0 : count;
    }

    /** Master IDs retired so far; they stay resolvable through {@code redirect_to}. */
    public long retiredTotal() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM customer_master WHERE status = ?", Long.class, "retired");
        return count == null ? 0 : count;
    }
}
