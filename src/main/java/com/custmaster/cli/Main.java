package com.custmaster.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The single entry point. The scripts in {@code jobs/} call it with a subcommand; exit codes are
 * part of the contract with schedulers (docs/operations.md).
 */
@Command(name = "custmaster", mixinStandardHelpOptions = true, version = "custmaster 0.1.0",
        description = "Nightly CRM pipeline: ingest contacts, deduplicate into a customer master, customer value on Spark.",
        subcommands = {NightlyCommand.class, DedupeCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:run completed, or that date had already completed", "1:run failed (restart with the same command)",
                "2:usage or configuration error (nothing was read)", "3:another run is in progress"})
public final class Main {

    /** Usage or configuration errors: nothing was read. */
    public static final int EXIT_USAGE = 2;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new Main());
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
