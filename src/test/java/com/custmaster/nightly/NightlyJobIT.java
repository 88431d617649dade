package com.custmaster.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import com.custmaster.analytics.CustomerValueFigures;
import com.custmaster.batch.NightlyJobConfiguration;
import com.custmaster.batch.NightlyRunner;
import com.custmaster.batch.RunSummary;
import com.custmaster.ingest.SourceIngestion;
import com.custmaster.report.ReportFiles;
import com.custmaster.report.RunHistory;
import com.custmaster.report.RunMetrics;
import com.custmaster.testing.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The whole nightly job on data-samples/, for real: H2 file database, Spark local, Parquet read
 * back by DuckDB and checked against the sample truth file; then the run reports of those nights,
 * one of them rendered in headless Chromium (screenshot in {@code target/report-screenshots/}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NightlyJobIT {

    private static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 22);
    private static final String DATE = RUN_DATE.toString();

    @TempDir
    static Path temp;

    private static SampleWorkspace workspace;
    private static NightlyRunner.Outcome outcome;

    @BeforeAll
    static void runTheNightlyJobOnce() throws Exception {
        workspace = new SampleWorkspace(temp);
        outcome = new NightlyRunner(workspace.config()).run(RUN_DATE);
    }

    @Test
    @Order(1)
    void theRunCompletesWithExitCodeZero() {
        assertThat(outcome.message()).contains("completed");
        assertThat(outcome.result()).isEqualTo(NightlyRunner.Result.COMPLETED);
        assertThat(outcome.result().exitCode()).isZero();
    }

    @Test
    @Order(2)
    void everySourcesCountsAddUpAndMatchTheTruth() {
        Map<String, Long> stagedInTruth = workspace.truth().stream().filter(row -> row[3].equals("staged"))
                .collect(Collectors.groupingBy(row -> row[0], Collectors.counting()));
        Map<String, Long> rejectedInTruth = workspace.truth().stream().filter(row -> row[3].startsWith("rejected"))
                .collect(Collectors.groupingBy(row -> row[0], Collectors.counting()));

        assertThat(outcome.summary().sources()).hasSize(4);
        for (RunSummary.SourceCounts counts : outcome.summary().sources()) {
            assertThat(counts.read()).as(counts.source()).isEqualTo(counts.staged() + counts.rejected());
            assertThat(counts.staged()).as(counts.source() + " staged").isEqualTo(stagedInTruth.getOrDefault(counts.source(), 0L));
            assertThat(counts.rejected()).as(counts.source() + " rejected")
                    .isEqualTo(rejectedInTruth.getOrDefault(counts.source(), 0L));
        }
        assertThat(outcome.summary().render()).contains("total").contains("customer value");
    }

    @Test
    @Order(3)
    void theRejectsAreListedPerSourceForPeopleToOpen() throws Exception {
        long expectedCrmRejects = workspace.truth().stream()
                .filter(row -> row[0].equals("crm") && row[3].startsWith("rejected")).count();
        Path csv = temp.resolve("var/reports").resolve(DATE).resolve("rejects/crm.csv");

        assertThat(csv).exists();
        assertThat(Files.readAllLines(csv)).hasSize((int) expectedCrmRejects + 1);
        assertThat(temp.resolve("var/reports").resolve(DATE).resolve("summary.json")).exists();
    }

    @Test
    @Order(4)
    void outputsAreReadableByAnIndependentParquetReaderAndConsistent() {
        long masters = count("customer_master");
        long values = count("customer_value");
        long xref = count("customer_xref");
        long stagedInTruth = workspace.truth().stream().filter(row -> row[3].equals("staged")).count();

        assertThat(masters).isPositive();
        assertThat(xref).isEqualTo(stagedInTruth);
        assertThat(values).isEqualTo(masters);
        assertThat(workspace.duckdb("SELECT count(*) AS n FROM " + workspace.parquet("customer_value", DATE)
                + " v WHERE v.master_id NOT IN (SELECT master_id FROM " + workspace.parquet("customer_master", DATE) + ")"))
                .singleElement().satisfies(row -> assertThat(((Number) row.get("n")).longValue()).isZero());
        assertThat(workspace.duckdb("SELECT count(DISTINCT master_id) AS n FROM " + workspace.parquet("customer_xref", DATE)))
                .singleElement().satisfies(row -> assertThat(((Number) row.get("n")).longValue()).isEqualTo(masters));
        for (String table : com.custmaster.batch.NightlyJobConfiguration.PUBLISHED_TABLES) {
            assertThat(workspace.table(table, DATE).resolve("_SUCCESS")).as(table).exists();
        }
        assertThat(workspace.lake().resolve("_staging").resolve(DATE)).doesNotExist();
    }

    @Test
    @Order(5)
    void duplicatesOfTheTruthAreMergedAndDistinctPeopleAreNot() {
        Map<String, String> personOf = new HashMap<>();
        for (String[] row : workspace.truth()) {
            if (row[3].equals("staged")) {
                personOf.put(row[0] + "|" + row[1], row[2]);
            }
        }
        Map<String, String> masterOf = new HashMap<>();
        for (Map<String, Object> row : workspace.duckdb("SELECT source, source_record_id, master_id FROM "
                + workspace.parquet("customer_xref", DATE))) {
            masterOf.put(row.get("source") + "|" + row.get("source_record_id"), (String) row.get("master_id"));
        }
        PairCounts pairs = PairCounts.of(personOf, masterOf);

        assertThat(pairs.truePairs()).isPositive();
        assertThat(pairs.precision()).as("pairwise precision %s", pairs).isGreaterThanOrEqualTo(0.99);
        assertThat(pairs.recall()).as("pairwise recall %s", pairs).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    @Order(6)
    void everyMasterCustomerIsScoredAndBuyersHaveRfmScores() {
        List<Map<String, Object>> rows = workspace.duckdb("SELECT count(*) AS n, count(r_score) AS scored, "
                + "count(DISTINCT value_band) AS bands, min(r_score) AS rmin, max(r_score) AS rmax FROM "
                + workspace.parquet("customer_value", DATE));
        Map<String, Object> row = rows.get(0);

        assertThat(((Number) row.get("scored")).longValue()).isPositive();
        assertThat(((Number) row.get("rmin")).intValue()).isEqualTo(1);
        assertThat(((Number) row.get("rmax")).intValue()).isEqualTo(5);
        assertThat(outcome.summary().customerValue().get("customers.scored")).isEqualTo(((Number) row.get("n")).longValue());
    }

    @Test
    @Order(7)
    void rerunningACompletedDateChangesNothingAndSaysSo() throws Exception {
        Map<String, String> before = workspace.lakeDigest();

        NightlyRunner.Outcome again = new NightlyRunner(workspace.config()).run(RUN_DATE);

        assertThat(again.result()).isEqualTo(NightlyRunner.Result.ALREADY_COMPLETED);
        assertThat(again.result().exitCode()).isZero();
        assertThat(again.message()).contains("already completed");
        assertThat(workspace.lakeDigest()).isEqualTo(before);
    }

    @Test
    @Order(8)
    void theNextNightOnUnchangedDataKeepsEveryMasterId() throws Exception {
        LocalDate nextDay = RUN_DATE.plusDays(1);

        NightlyRunner.Outcome next = new NightlyRunner(workspace.config()).run(nextDay);

        assertThat(next.result()).isEqualTo(NightlyRunner.Result.COMPLETED);
        assertThat(next.summary().master()).containsEntry("masters.created", 0L).containsEntry("masters.merged", 0L)
                .containsEntry("masters.split", 0L).containsEntry("masters.updated", 0L)
                .containsEntry("source.records.changed", 0L).containsEntry("pairs.compared", 0L);
        assertThat(next.summary().master().get("pairs.carried")).isPositive();
        assertThat(crosswalk(nextDay.toString())).isEqualTo(crosswalk(DATE));
    }

    @Test
    @Order(9)
    void aFullRebuildOnUnchangedDataComparesEveryPairAgainAndKeepsEveryMasterId() throws Exception {
        LocalDate rebuildDay = RUN_DATE.plusDays(2);

        NightlyRunner.Outcome rebuilt = new NightlyRunner(workspace.config()).run(rebuildDay,
                com.custmaster.master.MasterService.Mode.FULL_REBUILD);

        assertThat(rebuilt.result()).isEqualTo(NightlyRunner.Result.COMPLETED);
        assertThat(rebuilt.summary().master()).containsEntry("masters.created", 0L).containsEntry("masters.merged", 0L)
                .containsEntry("masters.split", 0L).containsEntry("masters.updated", 0L).containsEntry("pairs.carried", 0L);
        assertThat(rebuilt.summary().master().get("pairs.compared")).isPositive();
        assertThat(crosswalk(rebuildDay.toString())).isEqualTo(crosswalk(DATE));
    }

    /** The published crosswalk of a snapshot, read back by DuckDB, in key order. */
    private List<Map<String, Object>> crosswalk(String date) {
        return workspace.duckdb("SELECT source, source_record_id, master_id FROM " + workspace.parquet("customer_xref", date)
                + " ORDER BY source, source_record_id");
    }

    @Test
    @Order(10)
    void anIncrementalNightMatchesANewRecordAgainstTheExistingMaster() throws Exception {
        LocalDate day = RUN_DATE.plusDays(3);
        Path crm = workspace.home.resolve("data-samples/crm/contacts.csv");
        Files.writeString(crm, "CRM-999001,Mr,Hailiang,Zhang,zhanghailiang49@qq.com,+86 130 4476 2133,,,"
                + "\"Room 1401, Building 18, No. 125 Heping Road, Xuhui District\",Shanghai,200085,CN,,2026-11-24 09:00:00\n",
                java.nio.file.StandardOpenOption.APPEND);

        NightlyRunner.Outcome night = new NightlyRunner(workspace.config()).run(day);

        assertThat(night.result()).isEqualTo(NightlyRunner.Result.COMPLETED);
        assertThat(night.summary().master()).containsEntry("source.records.changed", 1L).containsEntry("masters.created", 0L)
                .containsEntry("masters.merged", 0L).containsEntry("masters.split", 0L);
        long compared = night.summary().master().get("pairs.compared");
        assertThat(compared).isPositive().isLessThan(night.summary().master().get("pairs.carried"));
        List<Map<String, Object>> masters = workspace.duckdb("SELECT source_record_id, master_id FROM "
                + workspace.parquet("customer_xref", day.toString())
                + " WHERE source_record_id IN ('CRM-100002', 'CRM-999001') ORDER BY source_record_id");
        assertThat(masters).hasSize(2);
        assertThat(masters.get(1).get("master_id")).isEqualTo(masters.get(0).get("master_id"));
    }

    @Test
    @Order(11)
    void aStewardsSplitIsHonouredByTheNextNight() throws Exception {
        LocalDate day = RUN_DATE.plusDays(4);
        String conf = workspace.home.resolve("conf").toString();
        String var = workspace.home.resolve("var").toString();

        List<Map<String, Object>> before = crosswalk(RUN_DATE.plusDays(3).toString());
        Object formerMaster = before.stream().filter(row -> row.get("source_record_id").equals("CRM-999001")).findFirst()
                .orElseThrow().get("master_id");
        long others = before.stream().filter(row -> row.get("master_id").equals(formerMaster)).count() - 1;
        int code = com.custmaster.cli.Main.execute("steward", "split", "crm:CRM-999001", "--conf", conf, "--var", var,
                "--user", "ops", "--reason", "a namesake");
        assertThat(code).isZero();
        NightlyRunner.Outcome night = new NightlyRunner(workspace.config()).run(day);

        assertThat(night.result()).isEqualTo(NightlyRunner.Result.COMPLETED);
        assertThat(others).isPositive();
        assertThat(night.summary().master()).containsEntry("steward.decisions", others).containsEntry("masters.split", 1L)
                .containsEntry("masters.merged", 0L);
        List<Map<String, Object>> masters = workspace.duckdb("SELECT source_record_id, master_id FROM "
                + workspace.parquet("customer_xref", day.toString())
                + " WHERE source_record_id IN ('CRM-100002', 'CRM-999001') ORDER BY source_record_id");
        assertThat(masters.get(1).get("master_id")).isNotEqualTo(masters.get(0).get("master_id"));
        assertThat(masters.get(0).get("master_id")).as("the master keeps its ID")
                .isEqualTo(formerMaster);
        assertThat(night.summary().render()).contains(others + " pair decisions of stewards honoured");
    }

    @Test
    @Order(12)
    void eachNightsMetricsAgreeWithItsSummaryAndTheLastOnesTrendCoversEveryNight() throws Exception {
        // the first night: the same counts as its printed summary, and histograms that add up
        RunMetrics first = ReportFiles.read(reportDir(RUN_DATE).resolve(ReportFiles.METRICS_JSON));
        Map<String, Long> master = outcome.summary().master();

        assertThat(first.status()).isEqualTo("COMPLETED");
        assertThat(first.failedStep()).isNull();
        assertThat(first.sources()).extracting(RunMetrics.SourceMetrics::source, RunMetrics.SourceMetrics::read,
                        RunMetrics.SourceMetrics::rejected)
                .containsExactlyElementsOf(outcome.summary().sources().stream()
                        .map(s -> org.assertj.core.groups.Tuple.tuple(s.source(), s.read(), s.rejected())).toList());
        for (RunMetrics.SourceMetrics source : first.sources()) {
            assertThat(source.rejectedByReason().values().stream().mapToLong(Long::longValue).sum()).as(source.source())
                    .isEqualTo(source.rejected());
        }
        RunMetrics.MatchingMetrics matching = first.matching();
        assertThat(matching.autoMerged()).isEqualTo(master.get("pairs.merged"));
        assertThat(matching.queued()).isEqualTo(master.get("pairs.review"));
        assertThat(matching.candidatePairsPerRule().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(master.get("pairs.compared"));
        assertThat(matching.matchWeights().stream().mapToLong(RunMetrics.WeightBin::pairs).sum())
                .isEqualTo(master.get("pairs.compared"));
        assertThat(matching.clusterSizes().stream().mapToLong(RunMetrics.ClusterSize::clusters).sum())
                .isEqualTo(master.get("masters.active"));
        assertThat(matching.clusterSizes().stream().mapToLong(size -> size.size() * size.clusters()).sum())
                .isEqualTo(master.get("source.records"));
        assertThat(first.master().created()).isEqualTo(master.get("masters.created"));
        CustomerValueFigures value = first.customerValue().figures();
        assertThat(value.buyers()).isEqualTo(outcome.summary().customerValue().get("customers.buyers"));
        assertThat(value.valueBands().stream().mapToLong(CustomerValueFigures.Group::customers).sum()).isEqualTo(value.buyers());
        assertThat(value.rfmSegments().stream().mapToLong(CustomerValueFigures.Group::customers).sum()).isEqualTo(value.buyers());
        assertThat(value.segments().stream().mapToLong(CustomerValueFigures.Segment::customers).sum()).isEqualTo(value.buyers());
        assertThat(value.pareto().get(value.pareto().size() - 1)).isEqualTo(new CustomerValueFigures.ParetoPoint(1, 1));
        assertThat(value.pareto()).hasSizeGreaterThan(5);
        assertThat(first.steps()).hasSize(10).allSatisfy(step -> {
            assertThat(step.peakHeapBytes()).as(step.step()).isPositive();
            assertThat(step.peakRssBytes()).as(step.step()).isPositive();
        });
        assertThat(first.steps().stream().filter(step -> step.step().equals("customer-value")).findFirst().orElseThrow()
                .durationSeconds()).isPositive();

        // the last night: a split, and a trend over all five nights, oldest first
        RunMetrics last = ReportFiles.read(reportDir(RUN_DATE.plusDays(4)).resolve(ReportFiles.METRICS_JSON));
        assertThat(last.master().split()).isEqualTo(1);
        assertThat(last.trend()).extracting(RunMetrics.TrendPoint::runDate).containsExactly(RUN_DATE, RUN_DATE.plusDays(1),
                RUN_DATE.plusDays(2), RUN_DATE.plusDays(3), RUN_DATE.plusDays(4));

        // and the job repository's history, as jobs/nightly history reads it: five launches, newest first
        var database = workspace.config().database();
        List<RunHistory.Run> runs = new RunHistory(new org.springframework.jdbc.core.JdbcTemplate(
                new org.springframework.jdbc.datasource.DriverManagerDataSource(database.url(), database.user(),
                        database.password())), NightlyJobConfiguration.JOB_NAME, SourceIngestion.RUN_DATE_PARAMETER).last(10);
        assertThat(runs).extracting(RunHistory.Run::runDate).containsExactly(RUN_DATE.plusDays(4), RUN_DATE.plusDays(3),
                RUN_DATE.plusDays(2), RUN_DATE.plusDays(1), RUN_DATE);
        assertThat(runs).allSatisfy(run -> {
            assertThat(run.status()).isEqualTo("COMPLETED");
            assertThat(run.exitCode()).isZero();
            assertThat(run.step()).isNull();
        });
    }

    @Test
    @Order(13)
    void theFirstNightsReportShowsItsChartsInChromiumWithoutAScriptError() throws Exception {
        Path html = reportDir(RUN_DATE).resolve(ReportFiles.REPORT_HTML);
        WebDriver browser = HeadlessChromium.start(temp, 1280, 2400);
        try {
            browser.get(html.toUri().toString());

            assertThat(browser.findElement(By.id("run-status")).getText()).isEqualTo("COMPLETED");
            List<WebElement> charts = browser.findElements(By.cssSelector("svg.chart"));
            assertThat(charts).extracting(chart -> chart.getAttribute("id")).contains("chart-pareto", "chart-match-weights",
                    "chart-cluster-sizes", "chart-blocking-rules", "chart-value-bands", "chart-rfm-segments",
                    "chart-segment-revenue", "chart-churn", "chart-step-time", "chart-step-memory", "chart-trend-duration");
            for (WebElement chart : charts) {
                String id = chart.getAttribute("id");
                assertThat(chart.isDisplayed()).as(id).isTrue();
                assertThat(chart.getSize().getWidth()).as(id).isGreaterThan(300);
                assertThat(chart.getSize().getHeight()).as(id).isGreaterThan(40);
                assertThat(chart.findElements(By.cssSelector("rect, path, circle"))).as(id).isNotEmpty();
            }
            assertThat(browser.findElements(By.cssSelector("#source-table tbody tr"))).hasSize(4);
            List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
            assertThat(severe).as("browser errors").isEmpty();
            Path screenshot = Path.of("target", "report-screenshots", "report.png");
            HeadlessChromium.screenshot(browser, screenshot);
            assertThat(Files.readAllBytes(screenshot)).hasSizeGreaterThan(10_000).startsWith(HeadlessChromium.PNG_SIGNATURE);
        } finally {
            browser.quit();
        }
    }

    private static Path reportDir(LocalDate date) {
        return temp.resolve("var/reports").resolve(date.toString());
    }

    private long count(String table) {
        return ((Number) workspace.duckdb("SELECT count(*) AS n FROM " + workspace.parquet(table, DATE)).get(0).get("n"))
                .longValue();
    }

    /** Pairwise comparison of a clustering against the truth. */
    record PairCounts(long truePairs, long predictedPairs, long correctPairs) {

        static PairCounts of(Map<String, String> truth, Map<String, String> predicted) {
            Map<String, Set<String>> byPerson = group(truth);
            Map<String, Set<String>> byMaster = group(predicted);
            long truePairs = byPerson.values().stream().mapToLong(s -> (long) s.size() * (s.size() - 1) / 2).sum();
            long predictedPairs = byMaster.values().stream().mapToLong(s -> (long) s.size() * (s.size() - 1) / 2).sum();
            long correct = 0;
            for (Set<String> members : byMaster.values()) {
                Map<String, Long> people = members.stream().filter(truth::containsKey)
                        .collect(Collectors.groupingBy(truth::get, Collectors.counting()));
                correct += people.values().stream().mapToLong(n -> n * (n - 1) / 2).sum();
            }
            return new PairCounts(truePairs, predictedPairs, correct);
        }

        private static Map<String, Set<String>> group(Map<String, String> assignment) {
            Map<String, Set<String>> groups = new HashMap<>();
            assignment.forEach((record, group) -> groups.computeIfAbsent(group, g -> new HashSet<>()).add(record));
            return groups;
        }

        double precision() {
            return predictedPairs == 0 ? 1 : (double) correctPairs / predictedPairs;
        }

        double recall() {
            return truePairs == 0 ? 1 : (double) correctPairs / truePairs;
        }
    }
}
