package com.custmaster.bench;

import java.io.IOException;
import java.util.Arrays;

/**
 * {@code jobs/bench <stage> [options]}: the first argument names what to run, the rest are its
 * {@code --name value} options. {@code ingest} measures read and normalise throughput
 * ({@link IngestBenchmark}); {@code people} writes synthetic persons with known truth for
 * deduplication benchmarks ({@link SyntheticPeople}); {@code value} times the customer-value job
 * ({@link ValueBenchmark}).
 */
public final class Bench {

    static final String USAGE = "usage: jobs/bench <stage> [options]\n\nstages:\n" + IngestBenchmark.HELP + "\n"
            + SyntheticPeople.HELP + "\n" + DedupeBenchmark.HELP + "\n" + QualityBenchmark.HELP + "\n" + ValueBenchmark.HELP
            + "\nexamples:\n"
            + "  jobs/bench ingest --rows 1000000 --out docs/benchmarks.md\n"
            + "  jobs/bench people --rows 1000000 --seed 7 --out /tmp/people.csv\n"
            + "  jobs/bench dedupe --rows 100000,300000,1000000 --out docs/benchmarks.md\n"
            + "  jobs/bench quality --out docs/quality.md\n"
            + "  jobs/bench value --transactions 10000000 --customers 1000000 --out docs/benchmarks.md\n";

    private static final java.util.Map<String, String> STAGE_HELP = java.util.Map.of("ingest", IngestBenchmark.HELP,
            "people", SyntheticPeople.HELP, "dedupe", DedupeBenchmark.HELP, "quality", QualityBenchmark.HELP,
            "value", ValueBenchmark.HELP);

    private static final int EXIT_USAGE = 2;

    private Bench() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the stage the first argument names; returns the exit code (2 for usage errors). A stage
     * followed by {@code --help} prints that stage's options and returns 0.
     */
    static int run(String... args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            (args.length == 0 ? System.err : System.out).print(USAGE);
            return args.length == 0 ? EXIT_USAGE : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        String stageHelp = STAGE_HELP.get(args[0]);
        if (stageHelp != null && Arrays.stream(rest).anyMatch(arg -> arg.equals("--help") || arg.equals("-h"))) {
            System.out.print("usage: jobs/bench " + args[0] + " [options]\n\n" + stageHelp);
            return 0;
        }
        try {
            return switch (args[0]) {
                case "ingest" -> IngestBenchmark.run(rest);
                case "people" -> SyntheticPeople.run(rest, System.out);
                case "dedupe" -> DedupeBenchmark.run(rest, System.out);
                case "dedupe-one" -> DedupeBenchmark.runOne(rest, System.out);
                case "quality" -> QualityBenchmark.run(rest, System.out);
                case "value" -> ValueBenchmark.run(rest, System.out);
                default -> throw new IllegalArgumentException("unknown stage '" + args[0] + "'");
            };
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(USAGE);
            return EXIT_USAGE;
        } catch (IOException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
    }
}
