package com.custmaster.report;

import static java.util.Objects.requireNonNull;

import com.custmaster.analytics.CustomerValueFigures;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the run report shows about one nightly run, as written to
 * {@code var/reports/<date>/metrics.json} (keys in snake case, documented in docs/operations.md).
 *
 * <p>Why one immutable record tree: the HTML page, the JSON file and the trend over earlier runs are
 * all drawn from the same values, collected once at the end of the run, so they cannot disagree.
 * Sections of steps that did not run (a failed run) are null or empty, never made up.
 *
 * @param schemaVersion {@value #SCHEMA_VERSION}; raised when a key changes meaning or is removed
 * @param status the job's batch status: {@code COMPLETED}, {@code FAILED}, ...
 * @param failedStep the step that failed, null if none
 * @param failure the one-line reason of a failed run, null if none
 * @param matching null when the match step has not completed
 * @param master null when the match step has not completed
 * @param customerValue null when the customer-value step has not completed
 * @param steps each step's last execution, in job order
 * @param trend earlier runs (oldest first) and this one, last
 */
public record RunMetrics(int schemaVersion, LocalDate runDate, String status, String failedStep, String failure,
                         LocalDateTime startedAt, LocalDateTime endedAt, double durationSeconds,
                         List<SourceMetrics> sources, MatchingMetrics matching, MasterMetrics master,
                         ValueMetrics customerValue, List<StepMetrics> steps, List<TrendPoint> trend) {

    /** The version of the metrics.json layout this code writes. */
    public static final int SCHEMA_VERSION = 1;

    public RunMetrics {
        requireNonNull(runDate, "runDate is null");
        requireNonNull(status, "status is null");
        if (durationSeconds < 0) {
            throw new IllegalArgumentException("durationSeconds must not be negative, got " + durationSeconds);
        }
        sources = List.copyOf(requireNonNull(sources, "sources is null"));
        steps = List.copyOf(requireNonNull(steps, "steps is null"));
        trend = List.copyOf(requireNonNull(trend, "trend is null"));
    }

    /** The same metrics with another trend (earlier runs, then this one). */
    public RunMetrics withTrend(List<TrendPoint> points) {
        return new RunMetrics(schemaVersion, runDate, status, failedStep, failure, startedAt, endedAt, durationSeconds,
                sources, matching, master, customerValue, steps, points);
    }

    /** One source's records: {@code read == staged + rejected}; rejects by reason code. */
    public record SourceMetrics(String source, long read, long staged, long rejected, Map<String, Long> rejectedByReason) {
        public SourceMetrics {
            requireNonNull(source, "source is null");
            if (read < 0 || staged < 0 || rejected < 0) {
                throw new IllegalArgumentException("counts of source " + source + " must not be negative");
            }
            rejectedByReason = Collections.unmodifiableMap(new LinkedHashMap<>(
                    requireNonNull(rejectedByReason, "rejectedByReason is null")));
        }
    }

    /**
     * What matching did.
     *
     * @param mode {@code retrained}, {@code full} or {@code incremental}
     * @param candidatePairsPerRule pairs compared per blocking rule (the first rule that produced the pair)
     * @param autoMerged pairs at or above the merge threshold
     * @param queued pairs for review tonight; {@code reviewQueue} is the whole queue after the run
     * @param clusterSizes active master records per number of source records, after the run
     * @param matchWeights pairs compared tonight per whole bit of match weight
     */
    public record MatchingMetrics(String mode, long sourceRecords, long sourceRecordsChanged, long pairsCompared,
                                  long pairsCarried, Map<String, Long> candidatePairsPerRule, long autoMerged, long queued,
                                  long reviewQueue, List<ClusterSize> clusterSizes, List<WeightBin> matchWeights) {
        public MatchingMetrics {
            requireNonNull(mode, "mode is null");
            candidatePairsPerRule = Collections.unmodifiableMap(new LinkedHashMap<>(
                    requireNonNull(candidatePairsPerRule, "candidatePairsPerRule is null")));
            clusterSizes = List.copyOf(requireNonNull(clusterSizes, "clusterSizes is null"));
            matchWeights = List.copyOf(requireNonNull(matchWeights, "matchWeights is null"));
        }
    }

    /** {@code clusters} master records have {@code size} source records each. */
    public record ClusterSize(int size, long clusters) {
        public ClusterSize {
            if (size < 1 || clusters < 0) {
                throw new IllegalArgumentException("need size >= 1 and clusters >= 0, got " + size + " and " + clusters);
            }
        }
    }

    /** {@code pairs} pairs weigh at least {@code fromBits} and less than {@code fromBits + 1} bits. */
    public record WeightBin(int fromBits, long pairs) {
        public WeightBin {
            if (pairs < 0) {
                throw new IllegalArgumentException("pairs must not be negative, got " + pairs);
            }
        }
    }

    /**
     * Changes to the master: IDs created, merged into another (the retired ones), split; golden
     * records updated; {@code retired} master IDs retired tonight, {@code retiredTotal} ever.
     */
    public record MasterMetrics(long active, long created, long merged, long split, long updated, long retired,
                                long retiredTotal) {
        public MasterMetrics {
            if (active < 0 || created < 0 || merged < 0 || split < 0 || updated < 0 || retired < 0 || retiredTotal < 0) {
                throw new IllegalArgumentException("master counts must not be negative");
            }
        }
    }

    /** Customer value: how many were scored, how orders mapped, and the figures to draw. */
    public record ValueMetrics(long customersScored, long transactionsMapped, long transactionsUnmapped, long segments,
                               CustomerValueFigures figures) {
        public ValueMetrics {
            requireNonNull(figures, "figures is null");
        }
    }

    /**
     * One step's last execution. Peak memory: {@code peakHeapBytes} is the largest used Java heap seen
     * by sampling every {@code 100 ms} during the step; {@code peakRssBytes} the process's resident
     * memory high-water mark ({@code VmHWM} of {@code /proc/self/status}), reset at the step's start
     * where Linux allows it ({@code /proc/self/clear_refs}), else since the process started. Null
     * where unknown (not measured, not Linux).
     */
    public record StepMetrics(String step, String status, LocalDateTime startedAt, LocalDateTime endedAt,
                              double durationSeconds, Long peakHeapBytes, Long peakRssBytes, String exitMessage) {
        public StepMetrics {
            requireNonNull(step, "step is null");
            requireNonNull(status, "status is null");
        }
    }

    /** A run's headline figures, for the trend over runs. */
    public record TrendPoint(LocalDate runDate, String status, double durationSeconds, long recordsRead,
                             long recordsRejected, Long activeMasters, Long autoMerged, Long queued, Long buyers) {
        public TrendPoint {
            requireNonNull(runDate, "runDate is null");
            requireNonNull(status, "status is null");
        }

        /** This run's point. */
        public static TrendPoint of(RunMetrics run) {
            long read = run.sources().stream().mapToLong(SourceMetrics::read).sum();
            long rejected = run.sources().stream().mapToLong(SourceMetrics::rejected).sum();
            return new TrendPoint(run.runDate(), run.status(), run.durationSeconds(), read, rejected,
                    run.master() == null ? null : run.master().active(),
                    run.matching() == null ? null : run.matching().autoMerged(),
                    run.matching() == null ? null : run.matching().queued(),
                    run.customerValue() == null ? null : run.customerValue().figures().buyers());
        }
    }
}
