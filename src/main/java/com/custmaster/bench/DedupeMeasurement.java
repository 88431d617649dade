package com.custmaster.bench;

import static java.util.Objects.requireNonNull;

import com.custmaster.config.ConfigLoader;
import com.custmaster.config.MatchingConfig;
import com.custmaster.dedupe.CsvDedupe;
import com.custmaster.quality.ClusterQuality;
import com.custmaster.quality.ClusteringEvaluator;
import com.custmaster.quality.EvaluationException;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One timed run of {@link CsvDedupe} on a {@link DedupeCase}, and its quality against the truth.
 * The clock covers {@code CsvDedupe.run(options, ConfigLoader.loadMatching(conf))}: reading,
 * normalising, blocking, training, scoring, clustering and writing clusters.csv, pairs.csv and
 * model.json. Peak memory is read from {@code /proc/self/status} right after the run, before the
 * evaluation reads the files back; it is the peak of the whole process so far, which is why the
 * dedupe benchmark runs each size in a JVM of its own. The scores come from the written
 * clusters.csv through {@link ClusteringEvaluator}, as {@code jobs/evaluate} computes them.
 *
 * @param records          input records
 * @param clusters         clusters written (singletons included)
 * @param wallMillis       the run, end to end
 * @param readMillis       reading and normalising (from {@link CsvDedupe.Summary})
 * @param matchMillis      blocking, training, scoring, clustering
 * @param writeMillis      writing the three files
 * @param cpuMillis        CPU time of the whole JVM during the run (all threads, GC and JIT too)
 * @param gcMillis         time the collectors report for the run
 * @param gcCount          collections during the run
 * @param peakRssKib       VmHWM of /proc/self/status after the run (0 where there is no /proc)
 * @param candidatePairs   candidate pairs per blocking rule
 * @param pairsMatched     pairs decided as matches
 * @param pairsForReview   pairs left for review
 * @param largestCluster   records in the largest cluster written (over-merging shows here first)
 * @param priorMatchProbability the trained model's prior probability that a candidate pair matches
 * @param quality          pairwise and B-cubed scores against the truth
 * @param jvmFlags         the flags of the JVM that ran it
 */
record DedupeMeasurement(long records, long clusters, long wallMillis, long readMillis, long matchMillis,
                         long writeMillis, long cpuMillis, long gcMillis, long gcCount, long peakRssKib,
                         Map<String, Long> candidatePairs, long pairsMatched, long pairsForReview,
                         long largestCluster, double priorMatchProbability,
                         double pairwisePrecision, double pairwiseRecall, double pairwiseF1, double bCubedF1,
                         long truePairs, long predictedPairs, long trueEntities, String jvmFlags) {

    private static final String RULE_PREFIX = "candidate_pairs.";

    DedupeMeasurement {
        requireNonNull(jvmFlags, "jvmFlags is null");
        candidatePairs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(
                requireNonNull(candidatePairs, "candidatePairs is null")));
    }

    /** Runs {@code dedupeCase} into {@code out} with the matching configuration of {@code conf}, then scores it. */
    static DedupeMeasurement measure(DedupeCase dedupeCase, Path conf, Path out) throws IOException {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[] gcBefore = gc();
        long cpuBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        CsvDedupe.Summary summary = CsvDedupe.run(dedupeCase.options(out), ConfigLoader.loadMatching(conf));
        long wall = System.nanoTime() - start;
        long cpu = os.getProcessCpuTime() - cpuBefore;
        long[] gcAfter = gc();
        long peak = currentPeakRssKib();
        long largest = largestCluster(out.resolve("clusters.csv"));
        ClusterQuality quality;
        try {
            quality = ClusteringEvaluator.evaluate(dedupeCase.evaluation(out.resolve("clusters.csv"))).quality();
        } catch (EvaluationException e) {
            throw new IllegalStateException(dedupeCase.name() + ": cannot score the clusters: " + e.getMessage(), e);
        }
        return new DedupeMeasurement(summary.records(), summary.clusters(), wall / 1_000_000, summary.readMillis(),
                summary.matchMillis(), summary.writeMillis(), cpu / 1_000_000, gcAfter[1] - gcBefore[1],
                gcAfter[0] - gcBefore[0], peak, summary.candidatePairsPerRule(), summary.pairsMatched(),
                summary.pairsForReview(), largest, summary.model().priorMatchProbability(), quality.pairwise().precision(), quality.pairwise().recall(),
                quality.pairwise().f1(), quality.bCubed().f1(), quality.pairs().truePairs(),
                quality.pairs().predictedPairs(), quality.trueEntities(), currentJvmFlags());
    }

    /** The size of the largest cluster in a clusters.csv ({@code record_id,cluster_id}). */
    static long largestCluster(Path clusters) throws IOException {
        Map<String, Long> sizes = new java.util.HashMap<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(clusters, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            for (CSVRecord record : parser) {
                sizes.merge(record.get(ClusteringEvaluator.CLUSTER_ID), 1L, Long::sum);
            }
        }
        return sizes.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    long candidatePairsTotal() {
        return candidatePairs.values().stream().mapToLong(Long::longValue).sum();
    }

    double recordsPerSecond() {
        return wallMillis == 0 ? 0 : records * 1000.0 / wallMillis;
    }

    /** Wall seconds per 100,000 records: flat when the run grows linearly with the input. */
    double secondsPer100k() {
        return records == 0 ? 0 : wallMillis / 1000.0 * 100_000 / records;
    }

    double peakRssMib() {
        return peakRssKib / 1024.0;
    }

    /** {count, millis} summed over the JVM's collectors. */
    private static long[] gc() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, collector.getCollectionCount());
            millis += Math.max(0, collector.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    /** The process's peak resident set (VmHWM) in KiB, or 0 where /proc/self/status is not there. */
    static long currentPeakRssKib() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return 0;
        }
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring("VmHWM:".length()).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    /** This JVM's flags, without the module openings Spark needs (long and beside the point). */
    static String currentJvmFlags() {
        List<String> flags = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(flag -> !flag.startsWith("--add-opens")).toList();
        return String.join(" ", flags);
    }

    /** Writes the figures as a properties file: how a child JVM hands them to the parent. */
    void write(Path file) throws IOException {
        Properties properties = new Properties();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("records", records);
        values.put("clusters", clusters);
        values.put("wall_millis", wallMillis);
        values.put("read_millis", readMillis);
        values.put("match_millis", matchMillis);
        values.put("write_millis", writeMillis);
        values.put("cpu_millis", cpuMillis);
        values.put("gc_millis", gcMillis);
        values.put("gc_count", gcCount);
        values.put("peak_rss_kib", peakRssKib);
        values.put("pairs_matched", pairsMatched);
        values.put("pairs_for_review", pairsForReview);
        values.put("largest_cluster", largestCluster);
        values.put("prior_match_probability", priorMatchProbability);
        values.put("pairwise_precision", pairwisePrecision);
        values.put("pairwise_recall", pairwiseRecall);
        values.put("pairwise_f1", pairwiseF1);
        values.put("b_cubed_f1", bCubedF1);
        values.put("true_pairs", truePairs);
        values.put("predicted_pairs", predictedPairs);
        values.put("true_entities", trueEntities);
        values.put("jvm_flags", jvmFlags);
        values.forEach((key, value) -> properties.setProperty(key, String.valueOf(value)));
        int order = 0;
        for (Map.Entry<String, Long> rule : candidatePairs.entrySet()) {
            properties.setProperty(RULE_PREFIX + String.format(Locale.ROOT, "%02d.", order++) + rule.getKey(),
                    Long.toString(rule.getValue()));
        }
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, "jobs/bench dedupe-one");
        }
    }

    /** Reads what {@link #write} wrote. */
    static DedupeMeasurement read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, Long> rules = new java.util.TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(RULE_PREFIX)) {
                rules.put(key.substring(RULE_PREFIX.length()), Long.parseLong(properties.getProperty(key)));
            }
        }
        Map<String, Long> candidatePairs = new LinkedHashMap<>();
        rules.forEach((orderedName, count) -> candidatePairs.put(orderedName.substring(orderedName.indexOf('.') + 1), count));
        try {
            return new DedupeMeasurement(number(properties, "records"), number(properties, "clusters"),
                    number(properties, "wall_millis"), number(properties, "read_millis"),
                    number(properties, "match_millis"), number(properties, "write_millis"),
                    number(properties, "cpu_millis"), number(properties, "gc_millis"), number(properties, "gc_count"),
                    number(properties, "peak_rss_kib"), candidatePairs, number(properties, "pairs_matched"),
                    number(properties, "pairs_for_review"), number(properties, "largest_cluster"),
                    share(properties, "prior_match_probability"), share(properties, "pairwise_precision"),
                    share(properties, "pairwise_recall"), share(properties, "pairwise_f1"),
                    share(properties, "b_cubed_f1"), number(properties, "true_pairs"),
                    number(properties, "predicted_pairs"), number(properties, "true_entities"),
                    properties.getProperty("jvm_flags", ""));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static long number(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("no '" + key + "'");
        }
        return Long.parseLong(value);
    }

    private static double share(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("no '" + key + "'");
        }
        return Double.parseDouble(value);
    }
}
