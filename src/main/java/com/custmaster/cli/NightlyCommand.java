package com.custmaster.cli;

import com.custmaster.batch.NightlyRunner;
import com.custmaster.config.ConfigException;
import com.custmaster.config.PipelineConfig;
import com.custmaster.master.MasterService;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code custmaster nightly}: the whole nightly job for one run date; {@code nightly status} and
 * {@code nightly history} tell how the last runs went.
 */
@Command(name = "nightly", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the whole nightly job for one date: ingest every source in conf/sources, update the "
                + "customer master, export it, compute customer value on Spark and publish Parquet under the lake. "
                + "Rerunning a completed date does nothing; rerunning a failed date resumes at the step that failed.",
        subcommands = {picocli.CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:run completed, or that date had already completed (nothing changed)",
                "1:run failed; run the same command again after fixing the cause",
                "2:usage or configuration error (nothing was read)", "3:another run is in progress"})
final class NightlyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Run date (default: yesterday, local time).")
    LocalDate date;

    @Mixin
    PipelineOptions pipeline;

    @Option(names = "--full-rebuild", description = "Compare every candidate pair again with the stored match model "
            + "instead of only the pairs with a new or changed record (incremental, the default after the first night). "
            + "On unchanged data it gives the same masters.")
    boolean fullRebuild;

    @Option(names = "--retrain", description = "Train a new match model on tonight's records and compare every pair "
            + "with it (also done on the first night, after conf/matching.yml changes, and when the model is older "
            + "than incremental.retrain_after_days).")
    boolean retrain;

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "The latest run of the nightly job as its job repository recorded it: date, state, start, "
                    + "duration, the step that failed and why, and where its report is. Read-only; safe beside a run on "
                    + "PostgreSQL (an H2 database is locked while a run is under way: exit 3).",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:the latest run completed", "1:the latest run failed (or was stopped)",
                    "2:usage or configuration error, or the database cannot be read",
                    "3:a run is in progress (or was left STARTED by a killed process)", "4:no run recorded yet"})
    int status() {
        return runs().status();
    }

    @Command(name = "history", mixinStandardHelpOptions = true,
            description = "The last runs of the nightly job, newest first: run date, state, start, duration, exit code "
                    + "of the launch, the step that failed and why. A restart is a line of its own.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:history printed (whatever the runs' states)",
                    "2:usage or configuration error, or the database cannot be read", "3:the H2 database is in use by a run",
                    "4:no database yet (no run recorded)"})
    int history(@Option(names = "--limit", paramLabel = "N", defaultValue = "10",
            description = "At most this many runs (default: ${DEFAULT-VALUE}).") int limit) {
        return runs().history(limit);
    }

    private NightlyRuns runs() {
        return new NightlyRuns(pipeline, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    @Override
    public Integer call() throws Exception {
        LocalDate runDate = date != null ? date : LocalDate.now(ZoneId.systemDefault()).minusDays(1);
        PipelineConfig config;
        try {
            config = pipeline.load();
        } catch (ConfigException e) {
            System.err.println("configuration error: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        NightlyRunner.Outcome outcome;
        try {
            outcome = new NightlyRunner(config).run(runDate, retrain ? MasterService.Mode.RETRAIN
                    : fullRebuild ? MasterService.Mode.FULL_REBUILD : MasterService.Mode.INCREMENTAL);
        } catch (ConfigException e) {
            System.err.println("configuration error: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        if (outcome.summary() != null) {
            System.out.print(outcome.summary().render());
        }
        if (outcome.result().exitCode() == 0) {
            System.out.println(outcome.message());
        } else {
            System.err.println(outcome.message());
        }
        return outcome.result().exitCode();
    }
}
