package com.custmaster.cli;

import static java.util.Objects.requireNonNull;

import com.custmaster.batch.NightlyJobConfiguration;
import com.custmaster.config.ConfigException;
import com.custmaster.config.PipelineConfig;
import com.custmaster.ingest.SourceIngestion;
import com.custmaster.report.ReportFiles;
import com.custmaster.report.RunHistory;
import com.custmaster.report.RunMetrics;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code jobs/nightly status} and {@code history}: the last runs as the job repository recorded
 * them, for a person on call and for monitoring. Read-only: the database is opened without
 * migrating it and Spring Batch is not started.
 */
final class NightlyRuns {

    /** {@code status}: no run is recorded for this var folder. */
    static final int EXIT_NO_RUN = 4;
    /** {@code status}: the latest run failed (as {@code jobs/nightly} itself). */
    static final int EXIT_FAILED = 1;
    /** {@code status}: a run is in progress (as {@code jobs/nightly} itself when refused). */
    static final int EXIT_RUNNING = 3;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final PipelineOptions pipeline;
    private final PrintWriter out;
    private final PrintWriter err;

    NightlyRuns(PipelineOptions pipeline, PrintWriter out, PrintWriter err) {
        this.pipeline = requireNonNull(pipeline, "pipeline is null");
        this.out = requireNonNull(out, "out is null");
        this.err = requireNonNull(err, "err is null");
    }

    /** The latest run in a few lines; the exit code says its state (docs/operations.md). */
    int status() {
        return withRuns(1, (config, runs) -> {
            if (runs.isEmpty()) {
                out.println("no nightly run recorded yet");
                return EXIT_NO_RUN;
            }
            RunHistory.Run run = runs.get(0);
            out.printf(Locale.ROOT, "last run %s: %s (exit %d)%s%n", run.runDate(), run.status(), run.exitCode(),
                    run.step() == null ? "" : (run.running() ? ", in step " : ", failed in step ") + run.step());
            out.printf(Locale.ROOT, "  started %s, %s %s%n", time(run.startedAt()), run.running() ? "running for" : "took",
                    duration(run.duration(LocalDateTime.now())));
            String reason = reason(config, run);
            if (run.exitCode() == EXIT_FAILED && reason != null) {
                out.printf(Locale.ROOT, "  reason: %s%n", reason);
                out.printf(Locale.ROOT, "  fix the cause, then: jobs/nightly --date %s (it resumes at the failed step)%n",
                        run.runDate());
            }
            if (run.running()) {
                out.println("  (a run left STARTED by a killed process is marked failed and resumed by the next launch)");
            }
            Path report = reportDir(config, run).resolve(ReportFiles.REPORT_HTML);
            if (Files.isRegularFile(report)) {
                out.printf(Locale.ROOT, "  report: %s%n", report);
            }
            return run.exitCode();
        });
    }

    /** The last {@code limit} launches, newest first, one line each. */
    int history(int limit) {
        if (limit < 1) {
            err.println("error: --limit must be at least 1, got " + limit);
            err.flush();
            return Main.EXIT_USAGE;
        }
        return withRuns(limit, (config, runs) -> {
            if (runs.isEmpty()) {
                out.println("no nightly run recorded yet");
                return 0;
            }
            out.printf(Locale.ROOT, "%-10s  %-9s  %-19s  %12s  %4s  %-20s  %s%n", "run date", "state", "started", "duration",
                    "exit", "failed step", "reason");
            LocalDateTime now = LocalDateTime.now();
            for (RunHistory.Run run : runs) {
                String reason = run.exitCode() == EXIT_FAILED ? reason(config, run) : null;
                out.println(String.format(Locale.ROOT, "%-10s  %-9s  %-19s  %12s  %4d  %-20s  %s", run.runDate(),
                        run.status(), time(run.startedAt()), duration(run.duration(now)), run.exitCode(),
                        run.step() == null ? "-" : run.step(), reason == null ? "" : reason).stripTrailing());
            }
            return 0;
        });
    }

    private interface RunsAction {
        int apply(PipelineConfig config, List<RunHistory.Run> runs);
    }

    private int withRuns(int limit, RunsAction action) {
        try {
            PipelineConfig config = pipeline.load();
            DataSource dataSource = OperationalDatabase.open(config.database(), false);
            List<RunHistory.Run> runs = new RunHistory(new JdbcTemplate(dataSource), NightlyJobConfiguration.JOB_NAME,
                    SourceIngestion.RUN_DATE_PARAMETER).last(limit);
            int code = action.apply(config, runs);
            out.flush();
            return code;
        } catch (ConfigException e) {
            err.println("configuration error: " + e.getMessage());
            err.flush();
            return Main.EXIT_USAGE;
        } catch (OperationalDatabase.Unavailable e) {
            if (e.notFound()) {
                out.println("no nightly run recorded yet (" + e.getMessage() + ")");
                out.flush();
                return EXIT_NO_RUN;
            }
            err.println("error: " + e.getMessage());
            err.flush();
            return e.inUse() ? EXIT_RUNNING : Main.EXIT_USAGE;
        } catch (org.springframework.dao.DataAccessException e) {
            err.println("error: cannot read the job repository: " + OperationalDatabase.firstLine(e));
            err.flush();
            return Main.EXIT_USAGE;
        }
    }

    private static Path reportDir(PipelineConfig config, RunHistory.Run run) {
        return config.varDir().resolve("reports").resolve(String.valueOf(run.runDate()));
    }

    /**
     * Why a launch failed, in one line. Spring Batch keeps the failed step's stack trace, cut at 2,500
     * characters, often before the root cause ("Failed to initialize the reader"); the run's
     * metrics.json has the root cause, so it is used when it belongs to this launch (same start).
     */
    private static String reason(PipelineConfig config, RunHistory.Run run) {
        Path metrics = reportDir(config, run).resolve(ReportFiles.METRICS_JSON);
        if (run.startedAt() != null && Files.isRegularFile(metrics)) {
            try {
                RunMetrics recorded = ReportFiles.read(metrics);
                if (recorded.failure() != null && recorded.startedAt() != null
                        && Math.abs(Duration.between(recorded.startedAt(), run.startedAt()).toNanos()) < 1_000_000) {
                    return recorded.failure();
                }
            } catch (java.io.IOException | RuntimeException unreadable) {
                // fall back to the job repository's message
            }
        }
        return run.message();
    }

    private static String time(LocalDateTime time) {
        return time == null ? "-" : TIME.format(time);
    }

    static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
        }
        if (seconds >= 60) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
