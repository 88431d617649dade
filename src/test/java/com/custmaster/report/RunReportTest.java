package com.custmaster.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.custmaster.analytics.CustomerValueFigures;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run report from known metrics (the figures of the sample night): metrics.json keeps its keys
 * and reads back equal, the page draws every chart with the values in it, stays self-contained and
 * escapes names, a failed run says which step failed, and the trend takes the earlier runs' files.
 */
class RunReportTest {

    private static final LocalDate NIGHT = LocalDate.of(2026, 11, 22);

    /** Every chart a completed run's page draws. */
    private static final List<String> CHARTS = List.of("chart-records-read", "chart-rejects", "chart-blocking-rules",
            "chart-match-weights", "chart-cluster-sizes", "chart-master-changes", "chart-pareto", "chart-value-bands",
            "chart-rfm-segments", "chart-segment-revenue", "chart-churn", "chart-step-time", "chart-step-memory",
            "chart-trend-duration", "chart-trend-rejected", "chart-trend-masters", "chart-trend-queued");

    @TempDir
    Path temp;

    static RunMetrics completedRun(LocalDate date, String sourceName) {
        Map<String, Long> crmReasons = new LinkedHashMap<>();
        crmReasons.put("invalid_date", 9L);
        crmReasons.put("missing_id", 5L);
        List<RunMetrics.SourceMetrics> sources = List.of(
                new RunMetrics.SourceMetrics(sourceName, 1261, 1247, 14, crmReasons),
                new RunMetrics.SourceMetrics("legacy_erp", 444, 444, 0, Map.of()));
        Map<String, Long> rules = new LinkedHashMap<>();
        rules.put("family_name", 3988L);
        rules.put("phone", 1152L);
        RunMetrics.MatchingMetrics matching = new RunMetrics.MatchingMetrics("retrained", 3035, 3035, 9754, 0, rules, 1300,
                97, 97, List.of(new RunMetrics.ClusterSize(1, 1200), new RunMetrics.ClusterSize(2, 600),
                new RunMetrics.ClusterSize(3, 195)), List.of(new RunMetrics.WeightBin(-12, 4000),
                new RunMetrics.WeightBin(-3, 2500), new RunMetrics.WeightBin(5, 300), new RunMetrics.WeightBin(18, 1200)));
        RunMetrics.MasterMetrics master = new RunMetrics.MasterMetrics(1995, 1995, 0, 0, 0, 0, 0);
        CustomerValueFigures figures = new CustomerValueFigures(1848,
                List.of(new CustomerValueFigures.ParetoPoint(0, 0), new CustomerValueFigures.ParetoPoint(0.2, 0.62),
                        new CustomerValueFigures.ParetoPoint(0.5, 0.9), new CustomerValueFigures.ParetoPoint(1, 1)),
                0.31, List.of(group("key", 180, 0.097, "512000.00", 0.5), group("important", 390, 0.211, "307000.00", 0.3),
                        group("normal", 520, 0.281, "153600.00", 0.15), group("small", 758, 0.41, "51200.00", 0.05)),
                List.of(group("champions", 400, 0.216, "420000.00", 0.41), group("hibernating", 1448, 0.784, "603800.00", 0.59)),
                List.of(new CustomerValueFigures.Segment(1, "high value, frequent, recent", 500, 0.27, 35, 9.5,
                        new BigDecimal("1200.00"), new BigDecimal("600000.00"), 0.586),
                        new CustomerValueFigures.Segment(2, "low value, infrequent, lapsed", 1348, 0.73, 240, 1.4,
                                new BigDecimal("314.54"), new BigDecimal("423800.00"), 0.414)),
                Map.of("active", 900L, "at_risk", 500L, "churned", 448L));
        RunMetrics.ValueMetrics value = new RunMetrics.ValueMetrics(1995, 21320, 122, 2, figures);
        LocalDateTime start = date.plusDays(2).atTime(4, 35, 4);
        List<RunMetrics.StepMetrics> steps = List.of(
                new RunMetrics.StepMetrics("ingest-" + sourceName, "COMPLETED", start, start.plusSeconds(2), 1.7,
                        300L << 20, 900L << 20, null),
                new RunMetrics.StepMetrics("match", "COMPLETED", start.plusSeconds(2), start.plusSeconds(26), 24.4,
                        1200L << 20, 1600L << 20, null),
                new RunMetrics.StepMetrics("customer-value", "COMPLETED", start.plusSeconds(26), start.plusSeconds(128),
                        101.7, 2100L << 20, 2900L << 20, null));
        RunMetrics run = new RunMetrics(RunMetrics.SCHEMA_VERSION, date, "COMPLETED", null, null, start,
                start.plusSeconds(184), 184, sources, matching, master, value, steps, List.of());
        return run.withTrend(List.of(RunMetrics.TrendPoint.of(run)));
    }

    private static CustomerValueFigures.Group group(String name, long customers, double share, String revenue,
                                                    double revenueShare) {
        return new CustomerValueFigures.Group(name, customers, share, new BigDecimal(revenue), revenueShare);
    }

    @Test
    void metricsJsonKeepsItsDocumentedKeysAndReadsBackEqual() throws Exception {
        // given
        RunMetrics run = completedRun(NIGHT, "crm");

        // when
        ReportFiles.write(temp, run);

        // then
        Path json = temp.resolve(ReportFiles.METRICS_JSON);
        JsonNode root = ReportFiles.json().readTree(json.toFile());
        List<String> keys = new ArrayList<>();
        root.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("schema_version", "run_date", "status", "failed_step", "failure", "started_at",
                "ended_at", "duration_seconds", "sources", "matching", "master", "customer_value", "steps", "trend");
        assertThat(root.path("run_date").asText()).isEqualTo("2026-11-22");
        assertThat(root.path("sources").get(0).path("rejected_by_reason").path("invalid_date").asLong()).isEqualTo(9);
        assertThat(root.path("matching").path("candidate_pairs_per_rule").path("family_name").asLong()).isEqualTo(3988);
        assertThat(root.path("matching").path("match_weights").get(0).path("from_bits").asInt()).isEqualTo(-12);
        assertThat(root.path("customer_value").path("figures").path("customers_share_for_80pct_revenue").asDouble())
                .isEqualTo(0.31);
        assertThat(root.path("steps").get(1).path("peak_heap_bytes").asLong()).isEqualTo(1200L << 20);
        assertThat(ReportFiles.read(json)).isEqualTo(run);
        try (var files = Files.list(temp)) {
            assertThat(files.map(path -> path.getFileName().toString()).toList())
                    .containsExactlyInAnyOrder(ReportFiles.METRICS_JSON, ReportFiles.REPORT_HTML);
        }
    }

    @Test
    void theReportDrawsEveryChartWithItsValuesAndNeedsNoNetworkOrScript() throws Exception {
        // given
        RunMetrics run = completedRun(NIGHT, "crm");

        // when
        String html = Files.readString(ReportFiles.write(temp, run));

        // then
        assertThat(chartIds(html)).containsExactlyInAnyOrderElementsOf(CHARTS);
        for (String id : CHARTS) {
            String svg = svg(html, id);
            assertThat(svg).as(id).containsPattern("<(rect|path|circle)[^>]*>");
            assertThat(svg).as(id).containsPattern("viewBox=\"0 0 680\\.0 \\d+\\.0\"");
        }
        assertThat(svg(html, "chart-blocking-rules")).contains("<title>family_name: 3,988</title>");
        assertThat(svg(html, "chart-rejects")).contains("crm: invalid_date: 9");
        assertThat(svg(html, "chart-match-weights")).contains("<title>18: 1,200</title>");
        assertThat(svg(html, "chart-cluster-sizes")).contains("<title>3: 195</title>");
        assertThat(svg(html, "chart-value-bands")).contains("revenue, key: 50.0%");
        assertThat(svg(html, "chart-pareto")).contains("buyers: 20.0%, 62.0%");
        assertThat(svg(html, "chart-churn")).contains("<title>churned: 448</title>");
        assertThat(svg(html, "chart-step-memory")).contains("<title>customer-value: 2,100 MiB</title>");
        assertThat(html).contains("1,261").contains("31.0% of buyers bring 80% of revenue")
                .contains("high value, frequent, recent").contains("3 min 04 s");
        assertThat(html).doesNotContain("<script").doesNotContain("http://").doesNotContain("https://")
                .doesNotContain("src=").contains("Content-Security-Policy").contains("default-src 'none'");
        assertThat(html).doesNotContain("id=\"failure\"");
    }

    @Test
    void namesFromTheDataAreEscapedInTablesAndCharts() throws Exception {
        // given: a source whose name is markup
        RunMetrics run = completedRun(NIGHT, "<img src=x onerror=alert(1)>");

        // when
        String html = ReportPage.render(run);

        // then
        assertThat(html).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void aFailedRunNamesTheFailedStepAndLeavesOutWhatDidNotRun() throws Exception {
        // given: the run failed in its second ingest step
        LocalDateTime start = LocalDateTime.of(2026, 11, 23, 2, 30);
        RunMetrics failed = new RunMetrics(RunMetrics.SCHEMA_VERSION, NIGHT.plusDays(1), "FAILED", "ingest-distributor",
                "source 'distributor': file not found: data-samples/distributor/customers_gbk.csv", start,
                start.plusSeconds(9), 9, List.of(new RunMetrics.SourceMetrics("crm", 10, 10, 0, Map.of())), null, null, null,
                List.of(new RunMetrics.StepMetrics("ingest-crm", "COMPLETED", start, start.plusSeconds(3), 3, null, null, null),
                        new RunMetrics.StepMetrics("ingest-distributor", "FAILED", start.plusSeconds(3), start.plusSeconds(9),
                                6, 100L << 20, null, "file not found")), List.of());

        // when
        String html = Files.readString(ReportFiles.write(temp, failed));

        // then
        assertThat(html).contains("id=\"run-status\" class=\"status FAILED\"")
                .containsPattern("id=\"failure\"[^>]*>Failed step: <b>ingest-distributor</b><br>source &#39;distributor&#39;: "
                        + "file not found")
                .contains("The match step did not complete in this run.")
                .contains("Customer value was not computed in this run.");
        assertThat(chartIds(html)).contains("chart-records-read", "chart-step-time").doesNotContain("chart-pareto");
        assertThat(ReportFiles.read(temp.resolve(ReportFiles.METRICS_JSON)).failedStep()).isEqualTo("ingest-distributor");
    }

    @Test
    void theTrendTakesTheLatestEarlierRunsOldestFirstAndSkipsUnreadableFiles() throws Exception {
        // given: five earlier nights, one later night and one broken file
        for (int day = 0; day < 5; day++) {
            LocalDate date = NIGHT.minusDays(5 - day);
            ReportFiles.write(temp.resolve(date.toString()), completedRun(date, "crm"));
        }
        ReportFiles.write(temp.resolve(NIGHT.plusDays(1).toString()), completedRun(NIGHT.plusDays(1), "crm"));
        Files.writeString(temp.resolve(NIGHT.minusDays(3).toString()).resolve(ReportFiles.METRICS_JSON), "{ not json");
        Files.createDirectories(temp.resolve("not-a-run"));

        // when
        List<RunMetrics.TrendPoint> trend = ReportFiles.earlierRuns(temp, NIGHT, 3);

        // then: the three latest readable nights before NIGHT (the broken one is left out)
        assertThat(trend).extracting(RunMetrics.TrendPoint::runDate)
                .containsExactly(NIGHT.minusDays(4), NIGHT.minusDays(2), NIGHT.minusDays(1));
        assertThat(trend.get(0).recordsRead()).isEqualTo(1261 + 444);
        assertThat(trend.get(0).activeMasters()).isEqualTo(1995L);
    }

    @Test
    void recordsRefuseImpossibleValues() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RunMetrics.ClusterSize(0, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("size >= 1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RunMetrics.SourceMetrics("crm", -1, 0, 0, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("crm");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CustomerValueFigures.ParetoPoint(0.5, 1.2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 1]");
    }

    static List<String> chartIds(String html) {
        List<String> ids = new ArrayList<>();
        Matcher matcher = Pattern.compile("<svg id=\"([^\"]+)\" class=\"chart\"").matcher(html);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    private static String svg(String html, String id) {
        int start = html.indexOf("<svg id=\"" + id + "\"");
        assertThat(start).as(id).isNotNegative();
        return html.substring(start, html.indexOf("</svg>", start));
    }
}
