package com.custmaster.batch;

import com.custmaster.analytics.CustomerValueFigures;
import com.custmaster.report.MetricsQueries;
import com.custmaster.report.ReportFiles;
import com.custmaster.report.RunHistory;
import com.custmaster.report.RunMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Turns what the job repository and the steps recorded into the run report's {@link RunMetrics}
 * (the report package knows nothing of Spring Batch), and keeps the customer-value figures of the
 * Spark step beside the run so that a run resumed after that step still reports them.
 */
final class RunReports {

    /** The customer-value step's figures, in the run's report folder. */
    static final String VALUE_FIGURES_JSON = "customer_value.json";

    private static final String INGEST_PREFIX = "ingest-";
    private static final String CANDIDATES_PREFIX = "candidates.";

    private RunReports() {
    }

    /**
     * The metrics of a run from its steps' last executions (in job order) and the database.
     *
     * @param status the job's status; {@code failure} its one-line reason, or null
     * @param started this launch's start, {@code ended} its end (null when unknown)
     * @param queries the database's figures; null when the database could not be opened (then no step ran)
     */
    static RunMetrics metrics(LocalDate runDate, String status, String failure, LocalDateTime started, LocalDateTime ended,
                              List<StepExecution> steps, MetricsQueries queries, Path runDir) {
        Map<String, Map<String, Long>> rejects = queries == null ? Map.of() : queries.rejectsByReason(runDate);
        List<RunMetrics.SourceMetrics> sources = new ArrayList<>();
        List<RunMetrics.StepMetrics> stepMetrics = new ArrayList<>();
        RunMetrics.MatchingMetrics matching = null;
        RunMetrics.MasterMetrics master = null;
        RunMetrics.ValueMetrics value = null;
        String failedStep = null;
        for (StepExecution step : steps) {
            String name = step.getStepName();
            ExecutionContext context = step.getExecutionContext();
            boolean completed = step.getStatus() == BatchStatus.COMPLETED;
            boolean firstFailure = failedStep == null && step.getStatus().isUnsuccessful();
            if (firstFailure) {
                failedStep = name;
            }
            stepMetrics.add(stepMetrics(step, firstFailure ? failure : null));
            if (name.startsWith(INGEST_PREFIX) && context.containsKey("records.read")) {
                String source = name.substring(INGEST_PREFIX.length());
                sources.add(new RunMetrics.SourceMetrics(source, context.getLong("records.read"),
                        context.getLong("records.staged"), context.getLong("records.rejected"),
                        rejects.getOrDefault(source, Map.of())));
            } else if ("match".equals(name) && completed) {
                Map<String, Long> candidates = new LinkedHashMap<>();
                for (Map.Entry<String, Object> entry : context.entrySet()) {
                    if (entry.getKey().startsWith(CANDIDATES_PREFIX) && entry.getValue() instanceof Number number) {
                        candidates.put(entry.getKey().substring(CANDIDATES_PREFIX.length()), number.longValue());
                    }
                }
                List<RunMetrics.WeightBin> weights = new ArrayList<>();
                decodeCounts(context.getString(MatchTasklet.WEIGHT_HISTOGRAM_KEY, ""))
                        .forEach((bin, pairs) -> weights.add(new RunMetrics.WeightBin(bin, pairs)));
                matching = new RunMetrics.MatchingMetrics(context.getString("matching", "unknown"),
                        context.getLong("source.records", 0), context.getLong("source.records.changed", 0),
                        context.getLong("pairs.compared", 0), context.getLong("pairs.carried", 0), sortedByCount(candidates),
                        context.getLong("pairs.merged", 0), context.getLong("pairs.review", 0),
                        context.getLong("review.queue", 0), queries.clusterSizes(), weights);
                master = new RunMetrics.MasterMetrics(context.getLong("masters.active", 0),
                        context.getLong("masters.created", 0), context.getLong("masters.merged", 0),
                        context.getLong("masters.split", 0), context.getLong("masters.updated", 0),
                        queries.retired(runDate), queries.retiredTotal());
            } else if ("customer-value".equals(name) && completed) {
                CustomerValueFigures figures = readValueFigures(runDir);
                if (figures != null) {
                    value = new RunMetrics.ValueMetrics(context.getLong("customers.scored", 0),
                            context.getLong("transactions.mapped", 0), context.getLong("transactions.unmapped", 0),
                            context.getLong("segments.k", 0), figures);
                }
            }
        }
        double duration = started == null ? 0 : Duration.between(started, ended != null ? ended : LocalDateTime.now())
                .toMillis() / 1000.0;
        RunMetrics metrics = new RunMetrics(RunMetrics.SCHEMA_VERSION, runDate, status, failedStep, failure, started, ended,
                Math.max(0, duration), sources, matching, master, value, stepMetrics, List.of());
        List<RunMetrics.TrendPoint> trend = new ArrayList<>(
                ReportFiles.earlierRuns(runDir.getParent(), runDate, ReportFiles.TREND_RUNS));
        trend.add(RunMetrics.TrendPoint.of(metrics));
        return metrics.withTrend(trend);
    }

    /** @param failure the run's one-line reason when this step is the one that failed it, else null */
    private static RunMetrics.StepMetrics stepMetrics(StepExecution step, String failure) {
        ExecutionContext context = step.getExecutionContext();
        LocalDateTime start = step.getStartTime();
        LocalDateTime end = step.getEndTime();
        double seconds = start == null || end == null ? 0 : Duration.between(start, end).toMillis() / 1000.0;
        String message = null;
        if (step.getStatus().isUnsuccessful()) {
            message = failure != null ? failure : RunHistory.firstLine(step.getExitStatus().getExitDescription());
        }
        return new RunMetrics.StepMetrics(step.getStepName(), step.getStatus().name(), start, end, seconds,
                context.containsKey(StepMemoryListener.PEAK_HEAP_KEY) ? context.getLong(StepMemoryListener.PEAK_HEAP_KEY) : null,
                context.containsKey(StepMemoryListener.PEAK_RSS_KEY) ? context.getLong(StepMemoryListener.PEAK_RSS_KEY) : null,
                message);
    }

    /** Rules with most candidate pairs first (the chart reads top-down). */
    private static Map<String, Long> sortedByCount(Map<String, Long> counts) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        return sorted;
    }

    /** {@code "bin:count,bin:count"}: a histogram as one execution-context string. */
    static String encodeCounts(SortedMap<Integer, Long> counts) {
        StringBuilder out = new StringBuilder();
        counts.forEach((bin, count) -> out.append(out.length() == 0 ? "" : ",").append(bin).append(':').append(count));
        return out.toString();
    }

    /** The inverse of {@link #encodeCounts}; an empty string is an empty histogram. */
    static SortedMap<Integer, Long> decodeCounts(String encoded) {
        SortedMap<Integer, Long> counts = new TreeMap<>();
        if (encoded == null || encoded.isBlank()) {
            return counts;
        }
        for (String pair : encoded.split(",")) {
            int colon = pair.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("not a bin:count pair: '" + pair + "' in '" + encoded + "'");
            }
            counts.put(Integer.parseInt(pair.substring(0, colon)), Long.parseLong(pair.substring(colon + 1)));
        }
        return counts;
    }

    /** Saves the customer-value step's figures (temporary file, then moved into place). */
    static void writeValueFigures(Path runDir, CustomerValueFigures figures) {
        try {
            ReportFiles.writeJson(runDir.resolve(VALUE_FIGURES_JSON), figures);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot save the customer-value figures in " + runDir + ": "
                    + e.getMessage(), e);
        }
    }

    private static CustomerValueFigures readValueFigures(Path runDir) {
        Path file = runDir.resolve(VALUE_FIGURES_JSON);
        try {
            return Files.isRegularFile(file) ? ReportFiles.json().readValue(file.toFile(), CustomerValueFigures.class) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
