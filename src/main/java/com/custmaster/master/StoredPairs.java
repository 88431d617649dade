package com.custmaster.master;

import static java.util.Objects.requireNonNull;

import com.custmaster.domain.SourceRecordKey;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the nightly runs kept about one pair of source records: its rows in {@code match_pair} (one
 * per run date that merged or queued it) and each record's master ID. Read-only; lets an operator
 * set the explanation of a pair beside what the runs actually decided.
 */
public final class StoredPairs {

    /** One run's row of {@code match_pair} for the pair (docs/database.md). */
    public record StoredPair(LocalDate runDate, double matchWeight, double matchProbability, String decision,
                             String blockingRule, String evidence) {
        public StoredPair {
            requireNonNull(runDate, "runDate is null");
            requireNonNull(decision, "decision is null");
        }
    }

    private final JdbcTemplate jdbc;

    public StoredPairs(JdbcTemplate jdbc) {
        this.jdbc = requireNonNull(jdbc, "jdbc is null");
    }

    /** The pair's rows, newest run first; the keys in either order. Empty when no run kept the pair. */
    public List<StoredPair> of(SourceRecordKey first, SourceRecordKey second) {
        SourceRecordKey left = first.compareTo(second) <= 0 ? first : second;
        SourceRecordKey right = left == first ? second : first;
        return jdbc.query("SELECT run_date, match_weight, match_probability, decision, blocking_rule, evidence "
                        + "FROM match_pair WHERE left_source = ? AND left_record_id = ? AND right_source = ? "
                        + "AND right_record_id = ? ORDER BY run_date DESC",
                (rs, row) -> new StoredPair(rs.getDate("run_date").toLocalDate(), rs.getDouble("match_weight"),
                        rs.getDouble("match_probability"), rs.getString("decision"), rs.getString("blocking_rule"),
                        rs.getString("evidence")),
                left.source(), left.sourceRecordId(), right.source(), right.sourceRecordId());
    }

    /** The record's master ID in the crosswalk, if a run has assigned one. */
    public Optional<String> masterId(SourceRecordKey key) {
        List<String> ids = jdbc.queryForList("SELECT master_id FROM master_xref WHERE source = ? AND source_record_id = ?",
                String.class, key.source(), key.sourceRecordId());
        return ids.stream().findFirst();
    }
}
