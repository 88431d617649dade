package com.custmaster.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import com.custmaster.batch.NightlyRunner;
import com.custmaster.report.ReportFiles;
import com.custmaster.report.RunMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that fails on a missing source resumes, once the file is back, at the step that failed; the
 * failed run's report names the step and the reason, the resumed run's report is complete.
 */
class NightlyRestartIT {

    @TempDir
    Path temp;

    @Test
    void aFailedRunResumesAtTheFailedStepAfterTheCauseIsFixed() throws Exception {
        SampleWorkspace workspace = new SampleWorkspace(temp);
        LocalDate date = LocalDate.of(2026, 11, 22);
        Path distributor = temp.resolve("data-samples/distributor/customers_gbk.csv");
        Path aside = temp.resolve("customers_gbk.csv.away");
        Files.move(distributor, aside);

        NightlyRunner.Outcome failed = new NightlyRunner(workspace.config()).run(date);

        assertThat(failed.result()).isEqualTo(NightlyRunner.Result.FAILED);
        assertThat(failed.result().exitCode()).isEqualTo(1);
        assertThat(failed.message()).contains("distributor").contains("customers_gbk.csv").doesNotContain("\n");
        assertThat(workspace.lake().resolve("customer_master")).doesNotExist();
        Path reports = temp.resolve("var/reports").resolve(date.toString());
        RunMetrics failedMetrics = ReportFiles.read(reports.resolve(ReportFiles.METRICS_JSON));
        assertThat(failedMetrics.status()).isEqualTo("FAILED");
        assertThat(failedMetrics.failedStep()).isEqualTo("ingest-distributor");
        assertThat(failedMetrics.failure()).contains("customers_gbk.csv");
        assertThat(failedMetrics.matching()).isNull();
        assertThat(failedMetrics.steps()).filteredOn(step -> step.step().equals("ingest-distributor")).singleElement()
                .satisfies(step -> assertThat(step.exitMessage()).contains("customers_gbk.csv"));
        assertThat(Files.readString(reports.resolve(ReportFiles.REPORT_HTML))).contains("Failed step: <b>ingest-distributor</b>");

        Files.move(aside, distributor);
        NightlyRunner.Outcome resumed = new NightlyRunner(workspace.config()).run(date);

        assertThat(resumed.result()).isEqualTo(NightlyRunner.Result.COMPLETED);
        Map<String, Integer> executions = stepExecutions(workspace);
        assertThat(executions.get("ingest-callcentre")).isEqualTo(1);
        assertThat(executions.get("ingest-crm")).isEqualTo(1);
        assertThat(executions.get("ingest-distributor")).isEqualTo(2);
        assertThat(executions.get("publish")).isEqualTo(1);
        assertThat(resumed.summary().sources()).allSatisfy(counts ->
                assertThat(counts.read()).isEqualTo(counts.staged() + counts.rejected()));
        assertThat(workspace.table("customer_value", date.toString()).resolve("_SUCCESS")).exists();
        RunMetrics resumedMetrics = ReportFiles.read(reports.resolve(ReportFiles.METRICS_JSON));
        assertThat(resumedMetrics.status()).isEqualTo("COMPLETED");
        assertThat(resumedMetrics.failedStep()).isNull();
        assertThat(resumedMetrics.sources()).hasSize(4);
        assertThat(resumedMetrics.customerValue()).isNotNull();
    }

    private static Map<String, Integer> stepExecutions(SampleWorkspace workspace) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(workspace.config().database().url(), "sa", "");
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT STEP_NAME, COUNT(*) FROM BATCH_STEP_EXECUTION GROUP BY STEP_NAME");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
        }
        return counts;
    }
}
