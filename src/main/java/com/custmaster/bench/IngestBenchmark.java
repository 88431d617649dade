package com.custmaster.bench;

import com.custmaster.config.ConfigLoader;
import com.custmaster.config.PipelineConfig;
import com.custmaster.config.SourceConfig;
import com.custmaster.config.SourceType;
import com.custmaster.domain.Contact;
import com.custmaster.domain.RawRecord;
import com.custmaster.domain.Rejection;
import com.custmaster.domain.StagingOutcome;
import com.custmaster.ingest.CountingSourceReader;
import com.custmaster.ingest.SourceReaders;
import com.custmaster.normalize.ContactNormalizer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Throughput benchmarks of the pipeline's stages, run by {@code jobs/bench <stage>} through
 * {@link Bench}, which passes the options of {@code jobs/bench ingest} to {@link #run}. They
 * exist because issue 3 sets a bar in records per second per core that a timed unit test could only
 * check flakily on a shared machine: a benchmark measures it properly (warm-up, repeated runs,
 * CPU time beside wall time) and writes its figures to docs/benchmarks.md.
 *
 * <p>{@code ingest}: for each file source of conf/sources (CRM CSV in UTF-8, distributor CSV in
 * GBK, call-centre JSON Lines) it writes a synthetic file of {@code --rows} rows and pushes it through
 * the real code path on one thread: {@link SourceReaders#create}, {@code open}, {@code read()} until
 * null and {@link ContactNormalizer#normalize} for each record. The database writes are not part of
 * it; they are measured separately.
 */
public final class IngestBenchmark {

    /** Bar of issue 3: ingest plus normalisation, records per second on one core. */
    static final double BAR_RECORDS_PER_SECOND = 50_000;
    static final int ROWS_DEFAULT = 1_000_000;
    static final int RUNS_DEFAULT = 3;
    static final long SEED_DEFAULT = 20261122L;
    /** The run date the normaliser checks birth dates against; fixed so that every run rejects the same rows. */
    static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 22);
    static final String SECTION = "ingest";

    private static final Set<String> INGEST_OPTIONS = Set.of("rows", "runs", "seed", "out", "conf", "work",
            "sources");
    /** The {@code ingest} part of {@code jobs/bench --help}. */
    static final String HELP = """
              ingest   read and normalise synthetic CRM CSV, distributor GBK CSV and call-centre JSON Lines
                       files through the real readers and ContactNormalizer, one thread, no database
                       --rows N      rows per file (default 1000000)
                       --runs N      measured runs after the warm-up (default 3)
                       --seed N      seed of the synthetic data (default 20261122)
                       --out FILE    write the figures to FILE's ingest section (e.g. docs/benchmarks.md);
                                     without it they are only printed
                       --conf DIR    the source declarations to use (default conf)
                       --work DIR    where the synthetic files go (default: a new temporary folder,
                                     deleted afterwards)
                       --sources A,B measure only these of crm, distributor, callcentre (all are
                                     generated, so the data stay the same); for profiling
            """;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private IngestBenchmark() {
    }

    /** The old entry point; {@link Bench} is the one {@code jobs/bench} calls, and this does the same. */
    public static void main(String[] args) {
        Bench.main(args);
    }

    /** {@code jobs/bench ingest}'s options, without the stage name; returns the exit code. */
    static int run(String... options) throws IOException {
        return ingest(BenchOptions.parse(options, INGEST_OPTIONS));
    }

    /** What one format is: its source, generated file and how to write it. */
    private record Format(String description, SourceConfig source, Path file) {
    }

    /** One pass over a file. */
    private record Pass(long records, long staged, long wallNanos, long threadCpuNanos, long processCpuNanos) {

        double recordsPerSecond() {
            return records * 1e9 / wallNanos;
        }
    }

    /** The figures of one format. */
    private record Result(Format format, long bytes, Tally tally, List<Pass> passes, long readNanos, long normaliseNanos) {

        Pass median() {
            List<Pass> sorted = passes.stream().sorted(Comparator.comparingDouble(Pass::recordsPerSecond)).toList();
            return sorted.get(sorted.size() / 2);
        }
    }

    private static int ingest(BenchOptions options) throws IOException {
        int rows = options.positive("rows", ROWS_DEFAULT);
        int runs = options.positive("runs", RUNS_DEFAULT);
        long seed = options.number("seed", SEED_DEFAULT);
        Path conf = options.path("conf", Path.of("conf"));
        boolean temporary = options.optionalPath("work").isEmpty();
        Path work = temporary ? Files.createTempDirectory("custmaster-bench-") : options.path("work", null);
        Files.createDirectories(work);
        PrintStream out = System.out;
        try {
            PipelineConfig config = new ConfigLoader().load(conf, work.resolve("var"));
            List<Format> formats = List.of(
                    format(config, "crm", "CSV, UTF-8, names in two columns", work.resolve("crm.csv")),
                    format(config, "distributor", "CSV, GBK, Chinese headers", work.resolve("distributor.csv")),
                    format(config, "callcentre", "JSON Lines, nested objects", work.resolve("callcentre.jsonl")));
            out.printf(Locale.ROOT, "generating %,d rows per format in %s%n", rows, work);
            SyntheticContacts generator = new SyntheticContacts(seed);
            generator.writeCrm(formats.get(0).file(), formats.get(0).source().encoding(), rows);
            generator.writeDistributor(formats.get(1).file(), formats.get(1).source().encoding(), rows);
            generator.writeCallCentre(formats.get(2).file(), formats.get(2).source().encoding(), rows);

            List<String> measured = options.list("sources", formats.stream().map(f -> f.source().name()).toList());
            List<Result> results = new ArrayList<>();
            for (Format format : formats) {
                if (measured.contains(format.source().name())) {
                    results.add(measure(format, runs, work, out));
                }
            }
            String section = section(results, rows, runs, seed);
            BenchmarkDoc.publish(out, options.optionalPath("out"), SECTION, section, BenchmarkDoc.HEADER);
            return 0;
        } finally {
            if (temporary) {
                deleteTree(work);
            }
        }
    }

    private static Format format(PipelineConfig config, String name, String description, Path file) {
        SourceConfig declared = config.source(name);
        if (declared.type() == SourceType.JDBC) {
            throw new IllegalArgumentException("source '" + name + "' is a JDBC source; the benchmark needs its file format");
        }
        SourceConfig source = new SourceConfig(declared.name(), declared.configFile(), declared.type(), file.toString(),
                declared.encoding(), declared.delimiter(), declared.quote(), declared.header(), declared.idColumn(),
                declared.priority(), declared.phoneRegion(), declared.defaultCountry(), declared.fields(), declared.jdbc());
        return new Format(description, source, file);
    }

    private static Result measure(Format format, int runs, Path work, PrintStream out) throws IOException {
        String name = format.source().name();
        Tally tally = new Tally(work.toString());
        Pass warmUp = pass(format.source(), tally);
        out.printf(Locale.ROOT, "%-12s warm-up  %,10.0f records/s%n", name, warmUp.recordsPerSecond());
        List<Pass> passes = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            System.gc();
            Pass pass = pass(format.source(), null);
            if (pass.records() != warmUp.records() || pass.staged() != warmUp.staged()) {
                throw new IllegalStateException(name + ": run " + i + " read " + pass.records() + " records and staged "
                        + pass.staged() + ", the warm-up " + warmUp.records() + " and " + warmUp.staged());
            }
            passes.add(pass);
            out.printf(Locale.ROOT, "%-12s run %d    %,10.0f records/s, %.2f µs CPU per record%n", name, i,
                    pass.recordsPerSecond(), pass.threadCpuNanos() / 1e3 / pass.records());
        }
        System.gc();
        long[] split = split(format.source());
        out.printf(Locale.ROOT, "%-12s split    read %.0f%%, normalise %.0f%%%n", name,
                100.0 * split[0] / (split[0] + split[1]), 100.0 * split[1] / (split[0] + split[1]));
        return new Result(format, Files.size(format.file()), tally, passes, split[0], split[1]);
    }

    /** Reads and normalises the whole file once; {@code tally} (warm-up only) records what came out. */
    private static Pass pass(SourceConfig source, Tally tally) {
        ContactNormalizer normalizer = new ContactNormalizer(source, RUN_DATE);
        long records = 0;
        long staged = 0;
        long process = OS.getProcessCpuTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        CountingSourceReader reader = SourceReaders.create(source);
        reader.open(new ExecutionContext());
        try {
            RawRecord record;
            while ((record = reader.read()) != null) {
                StagingOutcome outcome = normalizer.normalize(record);
                records++;
                if (outcome instanceof Contact) {
                    staged++;
                }
                if (tally != null) {
                    tally.add(outcome);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(source.name() + ": reading failed: " + e.getMessage(), e);
        } finally {
            reader.close();
        }
        long wall = System.nanoTime() - start;
        return new Pass(records, staged, wall, THREADS.getCurrentThreadCpuTime() - cpu, OS.getProcessCpuTime() - process);
    }

    /** Time spent in {@code read()} (with open and close) and in {@code normalize}, apart: {read, normalise}. */
    private static long[] split(SourceConfig source) {
        ContactNormalizer normalizer = new ContactNormalizer(source, RUN_DATE);
        long reading = 0;
        long normalising = 0;
        CountingSourceReader reader = SourceReaders.create(source);
        reader.open(new ExecutionContext());
        try {
            while (true) {
                long t1 = System.nanoTime();
                RawRecord record = reader.read();
                long t2 = System.nanoTime();
                reading += t2 - t1;
                if (record == null) {
                    break;
                }
                normalizer.normalize(record);
                normalising += System.nanoTime() - t2;
            }
        } catch (Exception e) {
            throw new IllegalStateException(source.name() + ": reading failed: " + e.getMessage(), e);
        } finally {
            long t3 = System.nanoTime();
            reader.close();
            reading += System.nanoTime() - t3;
        }
        return new long[] {reading, normalising};
    }

    private static String section(List<Result> results, int rows, int runs, long seed) {
        StringBuilder md = new StringBuilder();
        md.append("## Ingest and normalisation\n\n");
        md.append(String.format(Locale.ROOT, """
                What: for each file format of the sample sources, %,d synthetic rows (seed %d: Latin and Chinese \
                names in simplified and traditional script, phones in +86, 0086, local, +44, +1 and +49 styles, \
                emails with capitals and +tags, about 1%% bad rows) go through the real code path on one thread: \
                `SourceReaders.create(source)`, `open`, `read()` until null, and `ContactNormalizer.normalize` for \
                every record, with the declarations of `conf/sources/` (only the path swapped). No database \
                writes: they are measured separately. One warm-up run, then %d measured runs; one more pass times \
                reading and normalising apart (`System.nanoTime()` around each call).

                Reproduce: `jobs/bench ingest --rows %d --out docs/benchmarks.md`

                Machine: %s. The machine is shared with other builds, so wall-clock figures move by some \
                percent between runs; the CPU figures move less.

                """, rows, seed, runs, rows, BenchmarkDoc.machine()));
        md.append("| source | format | file | records | staged | rejected | records/s, median (min..max) "
                + "| CPU µs/record (thread) | records per JVM CPU-second | read / normalise |\n");
        md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        List<String> below = new ArrayList<>();
        for (Result result : results) {
            Pass median = result.median();
            double min = result.passes().stream().mapToDouble(Pass::recordsPerSecond).min().orElseThrow();
            double max = result.passes().stream().mapToDouble(Pass::recordsPerSecond).max().orElseThrow();
            double readShare = 100.0 * result.readNanos() / (result.readNanos() + result.normaliseNanos());
            String name = result.format().source().name();
            md.append(String.format(Locale.ROOT, "| %s | %s | %.0f MB | %,d | %,d | %,d | **%,.0f** (%,.0f..%,.0f) "
                            + "| %.2f | %,.0f | %.0f%% / %.0f%% |%n",
                    name, result.format().description(), result.bytes() / 1e6, median.records(), median.staged(),
                    median.records() - median.staged(), median.recordsPerSecond(), min, max,
                    median.threadCpuNanos() / 1e3 / median.records(),
                    median.records() * 1e9 / median.processCpuNanos(), readShare, 100 - readShare));
            if (median.recordsPerSecond() < BAR_RECORDS_PER_SECOND) {
                below.add(name);
            }
        }
        md.append(String.format(Locale.ROOT, """

                Bar of issue 3, at least %,.0f records/s on one core: %s. "records per JVM CPU-second" counts \
                the CPU time of the whole JVM (garbage collector and JIT compiler threads too), the strictest \
                reading of "per core".

                """, BAR_RECORDS_PER_SECOND, below.isEmpty() ? "met by every format" : "**not met** by " + String.join(", ", below)));
        md.append("What came out (the same in every run); the digest is a SHA-256 over every staged contact and "
                + "rejection, to show that a change to the code left the outcomes as they were:\n\n");
        md.append("| source | distinct names | rejected by reason | quality flags | outcome digest |\n"
                + "| --- | ---: | --- | --- | --- |\n");
        for (Result result : results) {
            md.append("| ").append(result.format().source().name())
                    .append(String.format(Locale.ROOT, " | %,d | ", result.tally().distinctNames()))
                    .append(result.tally().rejections())
                    .append(" | ").append(result.tally().flags()).append(" | `").append(result.tally().digest())
                    .append("` |\n");
        }
        return md.toString();
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Counts of the outcomes and a digest over all of them, taken in the warm-up run. */
    private static final class Tally {

        private final String workPrefix;
        private final MessageDigest digest;
        private final Map<String, Long> rejections = new TreeMap<>();
        private final Map<String, Long> flags = new TreeMap<>();
        private final Set<String> nameKeys = new HashSet<>();

        Tally(String workPrefix) {
            this.workPrefix = workPrefix;
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
        }

        void add(StagingOutcome outcome) {
            if (outcome instanceof Rejection rejection) {
                rejections.merge(rejection.reason().name().toLowerCase(Locale.ROOT), 1L, Long::sum);
            } else if (outcome instanceof Contact contact) {
                contact.qualityFlags().forEach(flag -> flags.merge(flag, 1L, Long::sum));
                if (contact.nameKey() != null) {
                    nameKeys.add(contact.nameKey());
                }
            }
            // The files' folder differs from run to run; the digest must not.
            digest.update(outcome.toString().replace(workPrefix, "").getBytes(StandardCharsets.UTF_8));
        }

        String rejections() {
            return describe(rejections);
        }

        String flags() {
            return describe(flags);
        }

        /** How many different names (name keys) there were: caches of the normaliser depend on it. */
        int distinctNames() {
            return nameKeys.size();
        }

        String digest() {
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        }

        private static String describe(Map<String, Long> counts) {
            if (counts.isEmpty()) {
                return "none";
            }
            List<String> parts = new ArrayList<>();
            counts.forEach((key, count) -> parts.add(String.format(Locale.ROOT, "%s %,d", key, count)));
            return String.join(", ", parts);
        }
    }
}
