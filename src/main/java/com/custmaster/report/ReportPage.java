package com.custmaster.report;

import static com.custmaster.html.Html.of;

import com.custmaster.analytics.CustomerValueFigures;
import com.custmaster.html.Html;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The run report as one self-contained HTML page: styles inline, charts as inline SVG, no script,
 * no link to anything outside the file (a content security policy says so to the browser), so it
 * opens from a mail attachment or a file share with no network. Sections follow the run: sources,
 * matching, master, customer value, steps, trend.
 */
public final class ReportPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC",sans-serif;
            margin:0 auto;max-width:1420px;padding:16px 24px;color:#1d2329;background:#fff}
            h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d5dbe1}
            h3{font-size:1rem;margin:1.2rem 0 .3rem}
            table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}
            th,td{padding:3px 10px;border-bottom:1px solid #e4e8ec;text-align:left}td.n,th.n{text-align:right}
            .status{display:inline-block;padding:2px 10px;border-radius:10px;color:#fff;font-weight:600}
            .status.COMPLETED{background:#3a9a5b}.status.FAILED,.status.STOPPED,.status.ABANDONED,.status.UNKNOWN{background:#b8433b}
            .status.STARTED,.status.STARTING,.status.STOPPING{background:#e07b28}
            .failure{background:#fbeceb;border-left:4px solid #b8433b;padding:8px 12px}
            .charts{display:flex;flex-wrap:wrap;gap:12px}figure{margin:0}
            figcaption{font-size:.85rem;font-weight:600;margin:.4rem 0 .2rem}
            svg.chart{background:#fafbfc;border:1px solid #e4e8ec;font-size:11px;max-width:100%;height:auto}
            svg .label,svg .value{fill:#1d2329}svg .tick{fill:#5b6670;font-size:10px}svg .axis-label{fill:#5b6670}
            svg .grid{stroke:#e4e8ec}svg .axis{stroke:#5b6670}svg .reference{stroke:#9aa4ad;stroke-dasharray:4 3}
            .muted{color:#5b6670}
            """;

    private ReportPage() {
    }

    /** The page for a run's metrics. */
    public static String render(RunMetrics run) {
        List<Html.Safe> body = new ArrayList<>();
        body.add(header(run));
        body.add(sources(run));
        body.add(matching(run));
        body.add(master(run));
        body.add(customerValue(run));
        body.add(steps(run));
        body.add(trend(run));
        return of("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>custmaster nightly %s: %s</title><style>%s</style></head>
                <body>%s</body></html>
                """, run.runDate(), run.status(), new Html.Safe(STYLE), Html.join(body)).html();
    }

    private static Html.Safe header(RunMetrics run) {
        List<Html.Safe> parts = new ArrayList<>();
        parts.add(of("<h1>Nightly run %s <span id=\"run-status\" class=\"status %s\">%s</span></h1>", run.runDate(),
                run.status(), run.status()));
        parts.add(of("<p class=\"muted\">started %s, ended %s, %s; metrics in metrics.json beside this file</p>",
                run.startedAt() == null ? "-" : TIME.format(run.startedAt()),
                run.endedAt() == null ? "-" : TIME.format(run.endedAt()), seconds(run.durationSeconds())));
        if (run.failedStep() != null || run.failure() != null) {
            parts.add(of("<p id=\"failure\" class=\"failure\">Failed step: <b>%s</b><br>%s<br>Fix the cause and run the "
                            + "same command again: the run resumes at the step that failed (docs/operations.md).</p>",
                    run.failedStep() == null ? "(before the first step)" : run.failedStep(),
                    run.failure() == null ? "" : run.failure()));
        }
        return Html.join(parts);
    }

    private static Html.Safe sources(RunMetrics run) {
        List<Html.Safe> rows = new ArrayList<>();
        List<Charts.Bar> rejects = new ArrayList<>();
        List<Charts.Bar> read = new ArrayList<>();
        for (RunMetrics.SourceMetrics source : run.sources()) {
            List<String> reasons = new ArrayList<>();
            source.rejectedByReason().forEach((reason, count) -> {
                reasons.add(reason + " " + count);
                rejects.add(new Charts.Bar(source.source() + ": " + reason, count));
            });
            read.add(new Charts.Bar(source.source(), source.read()));
            rows.add(of("<tr><td>%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td><td>%s</td></tr>",
                    source.source(), count(source.read()), count(source.staged()), count(source.rejected()),
                    String.join(", ", reasons)));
        }
        if (run.sources().isEmpty()) {
            return of("<h2 id=\"sources\">Sources</h2><p class=\"muted\">No source was read in this run.</p>");
        }
        return of("<h2 id=\"sources\">Sources</h2><table id=\"source-table\"><thead><tr><th>source</th><th class=\"n\">read</th>"
                        + "<th class=\"n\">staged</th><th class=\"n\">rejected</th><th>rejected by reason</th></tr></thead>"
                        + "<tbody>%s</tbody></table><div class=\"charts\">%s%s</div>", Html.join(rows),
                Charts.horizontalBars("chart-records-read", "Records read per source", read, Charts::whole),
                Charts.horizontalBars("chart-rejects", "Rejected records by source and reason", rejects, Charts::whole));
    }

    private static Html.Safe matching(RunMetrics run) {
        RunMetrics.MatchingMetrics matching = run.matching();
        if (matching == null) {
            return of("<h2 id=\"matching\">Matching</h2><p class=\"muted\">The match step did not complete in this run.</p>");
        }
        List<Charts.Bar> rules = new ArrayList<>();
        matching.candidatePairsPerRule().forEach((rule, pairs) -> rules.add(new Charts.Bar(rule, pairs)));
        SortedMap<Integer, Long> weightBins = new TreeMap<>();
        matching.matchWeights().forEach(bin -> weightBins.put(bin.fromBits(), bin.pairs()));
        SortedMap<Integer, Long> sizeBins = new TreeMap<>();
        matching.clusterSizes().forEach(size -> sizeBins.put(size.size(), size.clusters()));
        List<Charts.Bar> weights = contiguous(weightBins);
        List<Charts.Bar> sizes = contiguous(sizeBins);
        return of("<h2 id=\"matching\">Matching</h2><table id=\"matching-table\"><tbody>"
                        + "<tr><th>mode</th><td>%s</td></tr><tr><th>source records</th><td class=\"n\">%s (%s new or changed)</td></tr>"
                        + "<tr><th>pairs compared</th><td class=\"n\">%s</td></tr><tr><th>pairs carried from the last run</th><td class=\"n\">%s</td></tr>"
                        + "<tr><th>pairs auto-merged</th><td class=\"n\">%s</td></tr><tr><th>pairs queued for review</th><td class=\"n\">%s</td></tr>"
                        + "<tr><th>review queue after the run</th><td class=\"n\">%s</td></tr></tbody></table>"
                        + "<div class=\"charts\">%s%s%s</div>", matching.mode(), count(matching.sourceRecords()),
                count(matching.sourceRecordsChanged()), count(matching.pairsCompared()), count(matching.pairsCarried()),
                count(matching.autoMerged()), count(matching.queued()), count(matching.reviewQueue()),
                Charts.horizontalBars("chart-blocking-rules", "Candidate pairs compared per blocking rule", rules, Charts::whole),
                Charts.columns("chart-match-weights", "Match weight of the pairs compared tonight", weights,
                        "match weight (bits, bin lower bound)", "pairs"),
                Charts.columns("chart-cluster-sizes", "Master records by number of source records", sizes,
                        "source records per master record", "masters"));
    }

    private static Html.Safe master(RunMetrics run) {
        RunMetrics.MasterMetrics master = run.master();
        if (master == null) {
            return of("<h2 id=\"master\">Customer master</h2><p class=\"muted\">The master was not updated in this run.</p>");
        }
        List<Charts.Bar> changes = List.of(new Charts.Bar("created", master.created()), new Charts.Bar("merged", master.merged()),
                new Charts.Bar("split", master.split()), new Charts.Bar("updated", master.updated()),
                new Charts.Bar("retired IDs", master.retired()));
        return of("<h2 id=\"master\">Customer master</h2><p>%s active master records; %s master IDs retired so far "
                        + "(each redirects to its survivor).</p><div class=\"charts\">%s</div>", count(master.active()),
                count(master.retiredTotal()),
                Charts.horizontalBars("chart-master-changes", "Master changes in this run", changes, Charts::whole));
    }

    private static Html.Safe customerValue(RunMetrics run) {
        RunMetrics.ValueMetrics value = run.customerValue();
        if (value == null) {
            return of("<h2 id=\"customer-value\">Customer value</h2>"
                    + "<p class=\"muted\">Customer value was not computed in this run.</p>");
        }
        CustomerValueFigures figures = value.figures();
        List<double[]> curve = figures.pareto().stream().map(p -> new double[] {p.customerShare(), p.revenueShare()}).toList();
        List<String> bands = figures.valueBands().stream().map(CustomerValueFigures.Group::name).toList();
        List<String> rfmNames = figures.rfmSegments().stream().map(CustomerValueFigures.Group::name).toList();
        List<Charts.Bar> churn = new ArrayList<>();
        figures.churn().forEach((flag, customers) -> churn.add(new Charts.Bar(flag, customers)));
        List<Html.Safe> segmentRows = new ArrayList<>();
        List<Charts.Bar> segmentRevenue = new ArrayList<>();
        for (CustomerValueFigures.Segment segment : figures.segments()) {
            segmentRows.add(of("<tr><td class=\"n\">%s</td><td>%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td>"
                            + "<td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td></tr>",
                    segment.segmentId(), segment.label(), count(segment.customers()), Charts.percent(segment.shareOfCustomers()),
                    String.format(Locale.ROOT, "%.0f", segment.avgRecencyDays()),
                    String.format(Locale.ROOT, "%.1f", segment.avgFrequency()), money(segment.avgMonetary()),
                    money(segment.revenue()), segment.shareOfRevenue() == null ? "-" : Charts.percent(segment.shareOfRevenue())));
            segmentRevenue.add(new Charts.Bar(segment.segmentId() + " " + segment.label(), segment.revenue().doubleValue()));
        }
        List<Html.Safe> rfmRows = new ArrayList<>();
        for (CustomerValueFigures.Group group : figures.rfmSegments()) {
            rfmRows.add(of("<tr><td>%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td></tr>",
                    group.name(), count(group.customers()), share(group.shareOfCustomers()), money(group.revenue()),
                    share(group.shareOfRevenue())));
        }
        return of("<h2 id=\"customer-value\">Customer value</h2><p>%s customers scored, %s buyers; %s orders mapped to a "
                        + "customer, %s not mapped; %s K-means segments. %s of buyers bring 80%% of revenue.</p>"
                        + "<div class=\"charts\">%s%s</div>"
                        + "<h3>RFM segments</h3><table id=\"rfm-table\"><thead><tr><th>segment</th><th class=\"n\">customers</th>"
                        + "<th class=\"n\">share</th><th class=\"n\">revenue</th><th class=\"n\">share of revenue</th></tr></thead>"
                        + "<tbody>%s</tbody></table><div class=\"charts\">%s</div>"
                        + "<h3>K-means segments</h3><table id=\"segment-table\"><thead><tr><th class=\"n\">id</th><th>label</th>"
                        + "<th class=\"n\">customers</th><th class=\"n\">share</th><th class=\"n\">avg recency (days)</th>"
                        + "<th class=\"n\">avg frequency</th><th class=\"n\">avg spend</th><th class=\"n\">revenue</th>"
                        + "<th class=\"n\">share of revenue</th></tr></thead><tbody>%s</tbody></table>"
                        + "<div class=\"charts\">%s%s</div>",
                count(value.customersScored()), count(figures.buyers()), count(value.transactionsMapped()),
                count(value.transactionsUnmapped()), count(value.segments()),
                share(figures.customersShareFor80PctRevenue()),
                Charts.lines("chart-pareto", "Pareto curve: share of revenue by share of buyers (biggest first)",
                        List.of(new Charts.Series("buyers", curve)), 1, 1, "share of buyers with positive spend",
                        "share of revenue", true, Charts::percent),
                Charts.stackedShares("chart-value-bands", "Value bands: share of buyers and of revenue", bands,
                        List.of("buyers", "revenue"), List.of(
                                figures.valueBands().stream().map(CustomerValueFigures.Group::shareOfCustomers).toList(),
                                figures.valueBands().stream().map(CustomerValueFigures.Group::shareOfRevenue).toList())),
                Html.join(rfmRows),
                Charts.stackedShares("chart-rfm-segments", "RFM segments: share of buyers and of revenue", rfmNames,
                        List.of("buyers", "revenue"), List.of(
                                figures.rfmSegments().stream().map(CustomerValueFigures.Group::shareOfCustomers).toList(),
                                figures.rfmSegments().stream().map(CustomerValueFigures.Group::shareOfRevenue).toList())),
                Html.join(segmentRows),
                Charts.horizontalBars("chart-segment-revenue", "Revenue per K-means segment", segmentRevenue, Charts::whole),
                Charts.horizontalBars("chart-churn", "Buyers by churn flag", churn, Charts::whole));
    }

    private static Html.Safe steps(RunMetrics run) {
        List<Html.Safe> rows = new ArrayList<>();
        List<Charts.Bar> durations = new ArrayList<>();
        List<Charts.Bar> memory = new ArrayList<>();
        for (RunMetrics.StepMetrics step : run.steps()) {
            rows.add(of("<tr><td>%s</td><td><span class=\"status %s\">%s</span></td><td class=\"n\">%s</td>"
                            + "<td class=\"n\">%s</td><td class=\"n\">%s</td><td>%s</td></tr>", step.step(), step.status(),
                    step.status(), seconds(step.durationSeconds()), megabytes(step.peakHeapBytes()),
                    megabytes(step.peakRssBytes()), step.exitMessage() == null ? "" : step.exitMessage()));
            durations.add(new Charts.Bar(step.step(), step.durationSeconds()));
            if (step.peakHeapBytes() != null) {
                memory.add(new Charts.Bar(step.step(), step.peakHeapBytes() / 1048576.0));
            }
        }
        return of("<h2 id=\"steps\">Steps</h2><table id=\"step-table\"><thead><tr><th>step</th><th>status</th>"
                        + "<th class=\"n\">time</th><th class=\"n\">peak heap</th><th class=\"n\">peak RSS</th><th>message</th></tr>"
                        + "</thead><tbody>%s</tbody></table><p class=\"muted\">Peak heap: largest used Java heap sampled every "
                        + "100 ms during the step. Peak RSS: the process's resident-memory high-water mark (VmHWM), reset at the "
                        + "step's start where Linux allows it.</p><div class=\"charts\">%s%s</div>", Html.join(rows),
                Charts.horizontalBars("chart-step-time", "Time per step (seconds)", durations,
                        v -> String.format(Locale.ROOT, "%.1f s", v)),
                Charts.horizontalBars("chart-step-memory", "Peak heap per step (MiB)", memory,
                        v -> String.format(Locale.ROOT, "%,.0f MiB", v)));
    }

    private static Html.Safe trend(RunMetrics run) {
        List<RunMetrics.TrendPoint> points = run.trend();
        List<Html.Safe> rows = new ArrayList<>();
        for (RunMetrics.TrendPoint point : points) {
            rows.add(of("<tr><td>%s</td><td><span class=\"status %s\">%s</span></td><td class=\"n\">%s</td><td class=\"n\">%s</td>"
                            + "<td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td></tr>",
                    point.runDate(), point.status(), point.status(), seconds(point.durationSeconds()), count(point.recordsRead()),
                    count(point.recordsRejected()), count(point.activeMasters()), count(point.autoMerged()),
                    count(point.queued()), count(point.buyers())));
        }
        return of("<h2 id=\"trend\">Trend over the last runs</h2><table id=\"trend-table\"><thead><tr><th>run</th><th>status</th>"
                        + "<th class=\"n\">time</th><th class=\"n\">read</th><th class=\"n\">rejected</th><th class=\"n\">active masters</th>"
                        + "<th class=\"n\">auto-merged</th><th class=\"n\">queued</th><th class=\"n\">buyers</th></tr></thead>"
                        + "<tbody>%s</tbody></table><div class=\"charts\">%s%s%s%s</div>", Html.join(rows),
                Charts.columns("chart-trend-duration", "Run time (seconds)",
                        trendBars(points, p -> p.durationSeconds()), "run date", "seconds"),
                Charts.columns("chart-trend-rejected", "Records rejected",
                        trendBars(points, p -> (double) p.recordsRejected()), "run date", "records"),
                Charts.columns("chart-trend-masters", "Active master records",
                        trendBars(points, p -> p.activeMasters() == null ? 0 : p.activeMasters()), "run date", "masters"),
                Charts.columns("chart-trend-queued", "Pairs queued for review",
                        trendBars(points, p -> p.queued() == null ? 0 : p.queued()), "run date", "pairs"));
    }

    /** Bars for every whole number from the first key to the last, zero where a key is missing (a linear axis). */
    private static List<Charts.Bar> contiguous(SortedMap<Integer, Long> counts) {
        List<Charts.Bar> bars = new ArrayList<>();
        if (counts.isEmpty()) {
            return bars;
        }
        for (int key = counts.firstKey(); key <= counts.lastKey(); key++) {
            bars.add(new Charts.Bar(Integer.toString(key), counts.getOrDefault(key, 0L)));
        }
        return bars;
    }

    private static List<Charts.Bar> trendBars(List<RunMetrics.TrendPoint> points,
                                              java.util.function.ToDoubleFunction<RunMetrics.TrendPoint> value) {
        return points.stream().map(p -> new Charts.Bar(p.runDate().toString().substring(5), value.applyAsDouble(p))).toList();
    }

    private static String count(Long value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%,d", value);
    }

    private static String share(Double share) {
        return share == null ? "-" : Charts.percent(share);
    }

    private static String money(BigDecimal value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%,.2f", value);
    }

    private static String seconds(double seconds) {
        return seconds >= 120 ? String.format(Locale.ROOT, "%d min %02d s", (long) seconds / 60, (long) seconds % 60)
                : String.format(Locale.ROOT, "%.1f s", seconds);
    }

    private static String megabytes(Long bytes) {
        return bytes == null ? "-" : String.format(Locale.ROOT, "%,.0f MiB", bytes / 1048576.0);
    }
}
