package com.custmaster.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The single entry point. The scripts in {@code jobs/} call it with a subcommand; exit codes are
 * part of the contract with schedulers (docs/operations.md).
 */
@Command(name = "custmaster", mixinStandardHelpOptions = true, version = "custmaster 0.1.0",
        description = "Nightly CRM pipeline: ingest contacts, deduplicate into a customer master, customer value on Spark; "
                + "'dedupe' deduplicates any CSV file, 'evaluate' scores a deduplication against a known truth, "
                + "'explain' shows why two source records were matched or not, "
                + "'steward' reviews the queue and corrects the master, 'console' serves the same as web pages, "
                + "'analytics' computes customer value from a transactions file.",
        subcommands = {NightlyCommand.class, DedupeCommand.class, EvaluateCommand.class, ExplainCommand.class,
                StewardCommand.class, ConsoleCommand.class, AnalyticsCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (nightly: run completed, or that date had already completed)",
                "1:failed (nightly: restart with the same command)",
                "2:usage, configuration or data error (nightly: nothing was read)", "3:another nightly run is in progress"})
public final class Main {

    /** Usage or configuration errors: nothing was read. */
    public static final int EXIT_USAGE = 2;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        return execute(null, null, args);
    }

    /** As {@link #execute(String...)}, writing to the given writers (null: standard output and error). */
    static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        if (out != null) {
            commandLine.setOut(out);
        }
        if (err != null) {
            commandLine.setErr(err);
        }
        commandLine.setExitCodeExceptionMapper(error -> EXIT_USAGE);
        commandLine.setParameterExceptionHandler((error, arguments) -> {
            commandLine.getErr().println("error: " + error.getMessage());
            commandLine.getErr().println("try 'custmaster " + (error.getCommandLine() == commandLine ? "" : error.getCommandLine().getCommandName() + " ") + "--help'");
            return EXIT_USAGE;
        });
        if (args.length == 0) {
            commandLine.usage(commandLine.getOut());
            return EXIT_USAGE;
        }
        return commandLine.execute(args);
    }
}
