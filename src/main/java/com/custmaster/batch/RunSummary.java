package com.custmaster.batch;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a nightly run did, in figures people check: per source read / staged / rejected, master
 * changes, customers scored, where the outputs are, and time per step. Printed at the end of every
 * run and written as JSON beside the run's reports.
 */
public record RunSummary(LocalDate runDate, String status, List<SourceCounts> sources, Map<String, Long> master,
                         Map<String, Long> customerValue, List<String> outputs, List<StepTime> steps, String failure) {

    public RunSummary {
        requireNonNull(runDate, "runDate is null");
        requireNonNull(status, "status is null");
        sources = List.copyOf(sources);
        master = Map.copyOf(master);
        customerValue = Map.copyOf(customerValue);
        outputs = List.copyOf(outputs);
        steps = List.copyOf(steps);
    }

    /** One source's counts; {@code read == staged + rejected} is checked by the job. */
    public record SourceCounts(String source, long read, long staged, long rejected) {
    }

    /** One step's last execution. */
    public record StepTime(String step, String status, Duration duration) {
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "nightly run %s: %s%n", runDate, status));
        out.append(String.format(Locale.ROOT, "  %-16s %10s %10s %10s%n", "source", "read", "staged", "rejected"));
        long read = 0;
        long staged = 0;
        long rejected = 0;
        for (SourceCounts counts : sources) {
            out.append(String.format(Locale.ROOT, "  %-16s %10d %10d %10d%n", counts.source(), counts.read(),
                    counts.staged(), counts.rejected()));
            read += counts.read();
            staged += counts.staged();
            rejected += counts.rejected();
        }
        out.append(String.format(Locale.ROOT, "  %-16s %10d %10d %10d%n", "total", read, staged, rejected));
        if (!master.isEmpty()) {
            out.append(String.format(Locale.ROOT,
                    "  master: %d active customers from %d source records; %d created, %d merged, %d split, %d updated; "
                            + "%d pairs auto-merged, %d for review%n",
                    master.getOrDefault("masters.active", 0L), master.getOrDefault("source.records", 0L),
                    master.getOrDefault("masters.created", 0L), master.getOrDefault("masters.merged", 0L),
                    master.getOrDefault("masters.split", 0L), master.getOrDefault("masters.updated", 0L),
                    master.getOrDefault("pairs.merged", 0L), master.getOrDefault("pairs.review", 0L)));
            out.append(String.format(Locale.ROOT,
                    "  matching: %d source records new or changed; %d pairs compared, %d carried from the last run%n",
                    master.getOrDefault("source.records.changed", 0L), master.getOrDefault("pairs.compared", 0L),
                    master.getOrDefault("pairs.carried", 0L)));
            out.append(String.format(Locale.ROOT,
                    "  review: %d pairs in the review queue (jobs/steward list); %d pair decisions of stewards honoured%n",
                    master.getOrDefault("review.queue", 0L), master.getOrDefault("steward.decisions", 0L)));
        }
        if (!customerValue.isEmpty()) {
            out.append(String.format(Locale.ROOT, "  customer value: %d customers scored, %d with purchases, "
                            + "%d transactions mapped, %d unmapped%n",
                    customerValue.getOrDefault("customers.scored", 0L), customerValue.getOrDefault("customers.buyers", 0L),
                    customerValue.getOrDefault("transactions.mapped", 0L),
                    customerValue.getOrDefault("transactions.unmapped", 0L)));
        }
        for (String output : outputs) {
            out.append("  output: ").append(output).append(System.lineSeparator());
        }
        for (StepTime step : steps) {
            out.append(String.format(Locale.ROOT, "  step %-24s %-10s %8.1f s%n", step.step(), step.status(),
                    step.duration().toMillis() / 1000.0));
        }
        if (failure != null) {
            out.append("  failure: ").append(failure).append(System.lineSeparator());
        }
        return out.toString();
    }
}
