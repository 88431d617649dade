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
        int exit;
        try {
            exit = execute(args);
        } catch (OutOfMemoryError e) {
            // The stack has unwound, so what filled the heap is garbage now and printing is safe.
            System.err.println(outOfMemory(Runtime.getRuntime().maxMemory()));
            exit = 1;
        }
        System.exit(exit);
    }

    /**
     * What to tell a user whose run ran out of heap, instead of a stack trace: the limit it had and
     * how to raise it. {@code jobs/dedupe} needs about 3.5 GiB of heap per million records (1,000,000
     * records peak at 3.2 GiB resident, docs/benchmarks.md; 2,000,000 ran out of a 4 GiB heap and
     * peaked at 6.3 GiB with 8 GiB, docs/operations.md).
     */
    static String outOfMemory(long maxHeapBytes) {
        long suggested = Math.max(2, (long) Math.ceil(maxHeapBytes * 2.0 / (1L << 30)));
        return String.format(java.util.Locale.ROOT, "error: out of memory: the Java heap is limited to %.1f GiB. "
                + "Give the job more and run it again, e.g. CUSTMASTER_JAVA_OPTS='-Xmx%dg -XX:+UseParallelGC' "
                + "(jobs/dedupe needs about 3.5 GiB per million records).", maxHeapBytes / (double) (1L << 30), suggested);
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
