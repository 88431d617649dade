package com.custmaster.bench;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code jobs/bench dedupe}: the deduplication of {@link SyntheticPeople} files end to end, at
 * several sizes. For each size the people are written to a temporary folder (not timed), then a
 * fresh JVM ({@code java <flags> -cp <this classpath> com.custmaster.bench.Bench dedupe-one ...})
 * times {@code CsvDedupe.run} on them, reads its peak resident memory and scores the clusters
 * against {@code person_id} ({@link DedupeMeasurement}). A JVM per size makes the peak memory that
 * size's own and every size start cold, as the nightly job does. The figures go to the
 * {@code dedupe} section of docs/benchmarks.md.
 */
final class DedupeBenchmark {

    static final String SECTION = "dedupe";
    static final List<Integer> ROWS_DEFAULT = List.of(100_000, 300_000, 1_000_000);
    static final long SEED_DEFAULT = SyntheticPeople.SEED_DEFAULT;
    /**
     * Phone region for numbers written without a country code. SyntheticPeople writes each mobile
     * in its own country's style, half of them nationally ("138 0013 8000", "07556 611465",
     * "(312) 254-2422"); mainland China is the largest group (34% of persons, the UK 24%, the US 26%,
     * Germany 9%, Hong Kong and Taiwan 7%), so CN is the region that reads most national numbers right.
     */
    static final String REGION_DEFAULT = "CN";
    static final String JVM_FLAGS_DEFAULT = "-Xmx4g -XX:+UseParallelGC";
    static final int TIMEOUT_MINUTES_DEFAULT = 30;
    /** The bar: 1,000,000 contacts in under 60 seconds and under 8 GB (10^9 bytes) of peak memory. */
    static final int BAR_ROWS = 1_000_000;
    static final double BAR_SECONDS = 60;
    static final long BAR_PEAK_BYTES = 8_000_000_000L;

    private static final Set<String> OPTIONS = Set.of("rows", "seed", "out", "conf", "work", "region", "jvm-flags",
            "fork", "timeout-minutes");
    private static final Set<String> ONE_OPTIONS = Set.of("input", "out", "conf", "region", "result");

    /** The {@code dedupe} part of {@code jobs/bench --help}. */
    static final String HELP = """
              dedupe   deduplicate synthetic people (jobs/bench people) end to end with CsvDedupe at several
                       sizes, each in a fresh JVM: wall time, stage split, candidate pairs, peak memory
                       (VmHWM) and pairwise/B-cubed quality against person_id
                       --rows A,B,C  sizes (default 100000,300000,1000000)
                       --seed N      seed of the synthetic people (default 20261122)
                       --out FILE    write the figures to FILE's dedupe section (e.g. docs/benchmarks.md);
                                     without it they are only printed
                       --conf DIR    the folder with matching.yml (default conf)
                       --region CC   phone region for numbers without a country code (default CN)
                       --jvm-flags F flags of the JVM that runs each size (default -Xmx4g -XX:+UseParallelGC, as jobs/dedupe)
                       --fork no     run the sizes in this JVM instead (peak memory is then this JVM's so far)
                       --timeout-minutes N  give up on a size after N minutes (default 30)
                       --work DIR    where the files go (default: a new temporary folder, deleted afterwards)
            """;

    /** What happened at one size: the measurement, or why there is none. */
    record SizeResult(int rows, int persons, double generateSeconds, DedupeMeasurement measurement, String failure,
                      String loadBefore, String loadAfter) {

        SizeResult {
            requireNonNull(loadBefore, "loadBefore is null");
            requireNonNull(loadAfter, "loadAfter is null");
            if ((measurement == null) == (failure == null)) {
                throw new IllegalArgumentException("a size has a measurement or a failure, not both or neither");
            }
        }
    }

    private DedupeBenchmark() {
    }

    /** {@code jobs/bench dedupe}'s options, without the stage name; returns the exit code. */
    static int run(String[] args, PrintStream out) throws IOException {
        BenchOptions options = BenchOptions.parse(args, OPTIONS);
        List<Integer> sizes = options.positiveList("rows", ROWS_DEFAULT);
        long seed = options.number("seed", SEED_DEFAULT);
        Path conf = options.path("conf", Path.of("conf")).toAbsolutePath();
        String region = options.text("region", REGION_DEFAULT).toUpperCase(Locale.ROOT);
        String jvmFlags = options.text("jvm-flags", JVM_FLAGS_DEFAULT).trim();
        boolean fork = options.yesNo("fork", true);
        int timeoutMinutes = options.positive("timeout-minutes", TIMEOUT_MINUTES_DEFAULT);
        if (!Files.isRegularFile(conf.resolve("matching.yml"))) {
            throw new IllegalArgumentException("--conf " + conf + ": no matching.yml there");
        }
        boolean temporary = options.optionalPath("work").isEmpty();
        Path work = temporary ? Files.createTempDirectory("custmaster-dedupe-bench-")
                : options.path("work", null).toAbsolutePath();
        Files.createDirectories(work);
        try {
            List<SizeResult> results = new ArrayList<>();
            for (int rows : sizes) {
                results.add(size(rows, seed, conf, region, fork, jvmFlags, timeoutMinutes, work, out));
            }
            String section = section(results, sizes, seed, region, fork, jvmFlags);
            BenchmarkDoc.publish(out, options.optionalPath("out"), SECTION, section, BenchmarkDoc.HEADER);
            return results.stream().allMatch(result -> result.measurement() != null) ? 0 : 1;
        } finally {
            if (temporary) {
                deleteTree(work);
            }
        }
    }

    /** {@code Bench dedupe-one}: one size in this JVM, figures to {@code --result}; what the parent runs. */
    static int runOne(String[] args, PrintStream out) throws IOException {
        BenchOptions options = BenchOptions.parse(args, ONE_OPTIONS);
        Path input = options.optionalPath("input").orElseThrow(() -> new IllegalArgumentException("--input is required"));
        Path result = options.optionalPath("result").orElseThrow(() -> new IllegalArgumentException("--result is required"));
        Path dedupeOut = options.optionalPath("out").orElseThrow(() -> new IllegalArgumentException("--out is required"));
        Path conf = options.path("conf", Path.of("conf"));
        String region = options.text("region", REGION_DEFAULT).toUpperCase(Locale.ROOT);
        DedupeMeasurement measurement = DedupeMeasurement.measure(DedupeCase.people("synthetic", input, region), conf,
                dedupeOut);
        measurement.write(result);
        out.printf(Locale.ROOT, "dedupe-one: %,d records in %.1f s, peak RSS %,.0f MiB, pairwise F1 %.4f%n",
                measurement.records(), measurement.wallMillis() / 1000.0, measurement.peakRssMib(),
                measurement.pairwiseF1());
        return 0;
    }

    private static SizeResult size(int rows, long seed, Path conf, String region, boolean fork, String jvmFlags,
                                   int timeoutMinutes, Path work, PrintStream out) throws IOException {
        Path people = work.resolve("people-" + rows + ".csv");
        long generating = System.nanoTime();
        SyntheticPeople.Written written = new SyntheticPeople(seed).write(people, rows);
        double generateSeconds = (System.nanoTime() - generating) / 1e9;
        out.printf(Locale.ROOT, "%,d records of %,d persons written to %s in %.1f s%n", written.records(),
                written.persons(), people, generateSeconds);
        Path dedupeOut = work.resolve("dedupe-" + rows);
        Path result = work.resolve("result-" + rows + ".properties");
        String loadBefore = BenchmarkDoc.loadAverage();
        DedupeMeasurement measurement = null;
        String failure = null;
        try {
            if (fork) {
                failure = child(people, dedupeOut, conf, region, jvmFlags, result, timeoutMinutes, out);
                if (failure == null) {
                    measurement = DedupeMeasurement.read(result);
                }
            } else {
                measurement = DedupeMeasurement.measure(DedupeCase.people("synthetic", people, region), conf, dedupeOut);
            }
        } catch (RuntimeException e) {
            failure = "failed: " + e;
        }
        String loadAfter = BenchmarkDoc.loadAverage();
        if (measurement != null) {
            out.printf(Locale.ROOT, "%,d records: %.1f s (read %.1f, match %.1f, write %.1f), %,d candidate pairs, "
                            + "peak RSS %,.0f MiB, pairwise P %.4f R %.4f F1 %.4f, B-cubed F1 %.4f; load %s -> %s%n",
                    measurement.records(), measurement.wallMillis() / 1000.0, measurement.readMillis() / 1000.0,
                    measurement.matchMillis() / 1000.0, measurement.writeMillis() / 1000.0,
                    measurement.candidatePairsTotal(), measurement.peakRssMib(), measurement.pairwisePrecision(),
                    measurement.pairwiseRecall(), measurement.pairwiseF1(), measurement.bCubedF1(), loadBefore, loadAfter);
        } else {
            out.printf(Locale.ROOT, "%,d records: %s%n", rows, failure);
        }
        deleteTree(dedupeOut);
        Files.deleteIfExists(people);
        return new SizeResult(rows, written.persons(), generateSeconds, measurement, failure, loadBefore, loadAfter);
    }

    /** Runs one size in a new JVM; null when it finished, else what went wrong. */
    private static String child(Path people, Path dedupeOut, Path conf, String region, String jvmFlags, Path result,
                                int timeoutMinutes, PrintStream out) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (!jvmFlags.isEmpty()) {
            command.addAll(Arrays.asList(jvmFlags.split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Bench.class.getName(), "dedupe-one",
                "--input", people.toString(), "--out", dedupeOut.toString(), "--conf", conf.toString(),
                "--region", region, "--result", result.toString()));
        out.println("running: java " + jvmFlags + " -cp <this classpath> " + Bench.class.getName() + " dedupe-one --input "
                + people + " ...");
        Process process = new ProcessBuilder(command).inheritIO().start();
        try {
            if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
                return "did not finish within " + timeoutMinutes + " minutes (stopped)";
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(result)) {
            return "the JVM of this size ended with exit code " + process.exitValue() + " (see its output)";
        }
        return null;
    }

    static String section(List<SizeResult> results, List<Integer> sizes, long seed, String region, boolean fork,
                          String jvmFlags) {
        StringBuilder md = new StringBuilder();
        md.append("## Deduplication end to end\n\n");
        String flags = fork ? jvmFlags : DedupeMeasurement.currentJvmFlags();
        md.append(String.format(Locale.ROOT, """
                What: for each size, synthetic people from `jobs/bench people` (seed %d; about 20%% of the records \
                are duplicates of a person, with typos, nicknames, initials, Hanzi/pinyin switches, missing values, \
                swapped or mistyped dates, mistyped phones, other e-mail domains and moves; Latin and Chinese names) \
                are written to a temporary folder, not timed. Then `CsvDedupe.run(options, \
                ConfigLoader.loadMatching(conf))` is timed end to end, once, from a cold start: read, normalise, \
                block, train (no labels), score, cluster, and write clusters.csv, pairs.csv and model.json, with the \
                default `conf/matching.yml`. Fields mapped: given_name, family_name, birth_date, email, phone, \
                address_line, city, postcode; id record_id; phone region %s for numbers without a country code \
                (the people are 34%% mainland Chinese, 26%% US, 24%% UK, 9%% German, 7%% Hong Kong and Taiwan, and \
                half of the mobiles are written nationally). Quality: clusters.csv against `person_id` with \
                `ClusteringEvaluator` (pairwise and B-cubed, as `jobs/evaluate` computes them; docs/quality.md).

                """, seed, region));
        md.append(fork ? String.format(Locale.ROOT, """
                Each size runs in a fresh JVM, `java %s -cp <the benchmark's classpath> com.custmaster.bench.Bench \
                dedupe-one ...`, so peak memory is that size's own: VmHWM (peak resident set, heap and everything \
                else) from `/proc/self/status`, read right after the run. CPU is the whole JVM's CPU time during \
                the run (all threads: the parallel normalisation, GC, JIT).

                """, jvmFlags) : """
                All sizes ran in the benchmark's own JVM (`--fork no`), one after the other: the peak memory of a \
                size is the JVM's peak so far, not that size's own.

                """);
        md.append(String.format(Locale.ROOT, "Reproduce: `jobs/bench dedupe --rows %s --seed %d%s --out docs/benchmarks.md`%n%n",
                String.join(",", sizes.stream().map(String::valueOf).toList()), seed,
                region.equals(REGION_DEFAULT) ? "" : " --region " + region));
        md.append("Machine: ").append(BenchmarkDoc.host()).append("; JVM flags of the measured runs: `")
                .append(flags.isEmpty() ? "(none)" : flags).append("`. The machine is shared with other builds; the ")
                .append("load average (1, 5, 15 minutes) before and after each size is in the table, and wall-clock ")
                .append("figures move with it.\n\n");

        md.append("| records | persons | wall s | records/s | s per 100k | read+normalise / match / write s | CPU s "
                + "| candidate pairs | matched / review pairs | clusters (largest) | prior | peak RSS MiB | GC | pairwise P / R / F1 "
                + "| B-cubed F1 | load before → after |\n");
        md.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (SizeResult result : results) {
            DedupeMeasurement m = result.measurement();
            if (m == null) {
                md.append(String.format(Locale.ROOT, "| %,d | %,d | %s | | | | | | | | | | | | | %s → %s |%n",
                        result.rows(), result.persons(), result.failure(), result.loadBefore(), result.loadAfter()));
                continue;
            }
            md.append(String.format(Locale.ROOT, "| %,d | %,d | **%.1f** | %,.0f | %.2f | %.1f / %.1f / %.1f | %.1f "
                            + "| %,d | %,d / %,d | %,d (%,d) | %.2g | **%,.0f** | %,d, %.1f s | %.4f / %.4f / **%.4f** | %.4f | %s → %s |%n",
                    m.records(), result.persons(), m.wallMillis() / 1000.0, m.recordsPerSecond(), m.secondsPer100k(),
                    m.readMillis() / 1000.0, m.matchMillis() / 1000.0, m.writeMillis() / 1000.0, m.cpuMillis() / 1000.0,
                    m.candidatePairsTotal(), m.pairsMatched(), m.pairsForReview(), m.clusters(), m.largestCluster(),
                    m.priorMatchProbability(), m.peakRssMib(),
                    m.gcCount(), m.gcMillis() / 1000.0, m.pairwisePrecision(), m.pairwiseRecall(), m.pairwiseF1(),
                    m.bCubedF1(), result.loadBefore(), result.loadAfter()));
        }
        md.append('\n').append(bar(results)).append("\n\n").append(growth(results)).append('\n');
        md.append(rules(results));
        return md.toString();
    }

    /** Whether the bar is met, by the figures of the 1,000,000 size. */
    static String bar(List<SizeResult> results) {
        String bar = String.format(Locale.ROOT, "Bar: \"%,d contacts deduplicated end to end in under %.0f seconds on "
                + "this 2-core machine, peak memory under 8 GB\" (8 GB = 8·10⁹ bytes = %,.0f MiB): ", BAR_ROWS,
                BAR_SECONDS, BAR_PEAK_BYTES / 1024.0 / 1024.0);
        SizeResult million = results.stream().filter(result -> result.rows() == BAR_ROWS).findFirst().orElse(null);
        if (million == null) {
            return bar + "not measured in this run (no " + String.format(Locale.ROOT, "%,d", BAR_ROWS) + " size).";
        }
        DedupeMeasurement m = million.measurement();
        if (m == null) {
            return bar + "**not met**: the " + String.format(Locale.ROOT, "%,d", BAR_ROWS) + " size " + million.failure() + ".";
        }
        double seconds = m.wallMillis() / 1000.0;
        boolean fast = seconds < BAR_SECONDS;
        boolean small = m.peakRssKib() > 0 && m.peakRssKib() * 1024L < BAR_PEAK_BYTES;
        String time = String.format(Locale.ROOT, "%.1f s (%s)", seconds, fast ? "under 60 s" : "**over** 60 s, "
                + String.format(Locale.ROOT, "%.1f×", seconds / BAR_SECONDS) + " the bar");
        String memory = m.peakRssKib() == 0 ? "peak memory unknown (no /proc)"
                : String.format(Locale.ROOT, "peak %,.0f MiB (%s)", m.peakRssMib(), small ? "under 8 GB" : "**over** 8 GB");
        return bar + (fast && small ? "**met**" : "**not met**") + ": " + time + ", " + memory + ".";
    }

    /** Seconds per 100,000 records at each size, and how much they grow from the smallest to the largest. */
    static String growth(List<SizeResult> results) {
        List<DedupeMeasurement> measured = results.stream().map(SizeResult::measurement).filter(m -> m != null)
                .sorted(Comparator.comparingLong(DedupeMeasurement::records)).toList();
        if (measured.isEmpty()) {
            return "Growth: nothing measured.";
        }
        List<String> parts = new ArrayList<>();
        for (DedupeMeasurement m : measured) {
            parts.add(String.format(Locale.ROOT, "%,d: %.2f s (%,.0f candidate pairs per 100k)", m.records(),
                    m.secondsPer100k(), m.candidatePairsTotal() * 100_000.0 / Math.max(1, m.records())));
        }
        String growth = "Growth, wall seconds per 100,000 records (flat = linear): " + String.join("; ", parts) + ".";
        if (measured.size() > 1) {
            DedupeMeasurement first = measured.get(0);
            DedupeMeasurement last = measured.get(measured.size() - 1);
            double ratio = last.secondsPer100k() / first.secondsPer100k();
            double pairs = (last.candidatePairsTotal() / (double) Math.max(1, last.records()))
                    / (first.candidatePairsTotal() / (double) Math.max(1, first.records()));
            String verdict = ratio > 1.25 ? "**faster than linear**"
                    : ratio < 0.8 ? "less than linear: fixed costs (JVM start, JIT warm-up, model training) weigh on "
                    + "the smaller sizes" : "near-linear";
            growth += String.format(Locale.ROOT, " From %,d to %,d records (%.1f×) the time per record changes %.2f× "
                            + "(%s) and the candidate pairs per record %.2f×.", first.records(), last.records(),
                    (double) last.records() / first.records(), ratio, verdict, pairs);
        }
        return growth;
    }

    /** Candidate pairs per blocking rule at each size: where the matching work comes from. */
    private static String rules(List<SizeResult> results) {
        List<DedupeMeasurement> measured = results.stream().map(SizeResult::measurement).filter(m -> m != null).toList();
        if (measured.isEmpty()) {
            return "";
        }
        Set<String> names = new LinkedHashSet<>();
        measured.forEach(m -> names.addAll(m.candidatePairs().keySet()));
        StringBuilder md = new StringBuilder("\nCandidate pairs per blocking rule of `conf/matching.yml`:\n\n| rule |");
        StringBuilder line = new StringBuilder("| --- |");
        for (DedupeMeasurement m : measured) {
            md.append(String.format(Locale.ROOT, " %,d records |", m.records()));
            line.append(" ---: |");
        }
        md.append('\n').append(line).append('\n');
        for (String name : names) {
            md.append("| ").append(name).append(" |");
            for (DedupeMeasurement m : measured) {
                md.append(String.format(Locale.ROOT, " %,d |", m.candidatePairs().getOrDefault(name, 0L)));
            }
            md.append('\n');
        }
        return md.toString();
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
