package com.custmaster.bench;

import static java.util.Objects.requireNonNull;

import com.custmaster.dedupe.CsvDedupe;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code jobs/bench quality}: deduplicates every labelled set with {@link CsvDedupe} and the default
 * {@code conf/matching.yml}, no labels given to the matcher, and scores the clusters against the
 * truth ({@link DedupeMeasurement}). The sets: Febrl's febrl1, RLdata10000 and Splink's fake_1000
 * from the shared evaluation folder, the CRM export of data-samples with its truth file, and a
 * {@link SyntheticPeople} file. The table goes to the {@code quality} section of docs/quality.md.
 */
final class QualityBenchmark {

    static final String SECTION = "quality";
    static final int SYNTHETIC_ROWS_DEFAULT = 100_000;
    /** The bar: pairwise F1 of at least this on these sets, default configuration, no labels. */
    static final double BAR_F1 = 0.99;
    static final List<String> BAR_SETS = List.of("febrl1", "rldata10000");

    private static final Set<String> OPTIONS = Set.of("out", "eval", "conf", "samples", "rows", "seed", "region", "work");

    static final String HELP = """
              quality  deduplicate the labelled sets (febrl1, rldata10000, fake_1000 of ../shared/eval/dedupe), the
                       CRM export of data-samples and a synthetic people file with CsvDedupe and the default
                       matching.yml, and score them: precision, recall, F1 (pairwise) and B-cubed F1
                       --out FILE    write the table to FILE's quality section (e.g. docs/quality.md);
                                     without it it is only printed
                       --eval DIR    the labelled sets (default: ../shared/eval/dedupe from the checkout)
                       --samples DIR data-samples (default data-samples)
                       --conf DIR    the folder with matching.yml (default conf)
                       --rows N      records of the synthetic file (default 100000)
                       --seed N      its seed (default 20261122)
                       --region CC   its phone region (default CN, as jobs/bench dedupe)
                       --work DIR    where outputs go (default: a new temporary folder, deleted afterwards)
            """;

    private static final String HEADER = """
            # Matching quality

            """;

    /** One set's outcome: the figures, or why there are none. */
    record Row(DedupeCase dedupeCase, String note, DedupeMeasurement measurement, String failure) {

        Row {
            requireNonNull(dedupeCase, "dedupeCase is null");
            requireNonNull(note, "note is null");
        }
    }

    private QualityBenchmark() {
    }

    static int run(String[] args, PrintStream out) throws IOException {
        BenchOptions options = BenchOptions.parse(args, OPTIONS);
        Path home = Path.of(System.getenv().getOrDefault("CUSTMASTER_HOME", ".")).toAbsolutePath().normalize();
        Path eval = options.path("eval", home.resolve("../shared/eval/dedupe")).toAbsolutePath().normalize();
        Path samples = options.path("samples", Path.of("data-samples")).toAbsolutePath();
        Path conf = options.path("conf", Path.of("conf")).toAbsolutePath();
        int rows = options.positive("rows", SYNTHETIC_ROWS_DEFAULT);
        long seed = options.number("seed", SyntheticPeople.SEED_DEFAULT);
        String region = options.text("region", DedupeBenchmark.REGION_DEFAULT).toUpperCase(Locale.ROOT);
        if (!Files.isRegularFile(conf.resolve("matching.yml"))) {
            throw new IllegalArgumentException("--conf " + conf + ": no matching.yml there");
        }
        boolean temporary = options.optionalPath("work").isEmpty();
        Path work = temporary ? Files.createTempDirectory("custmaster-quality-bench-")
                : options.path("work", null).toAbsolutePath();
        Files.createDirectories(work);
        try {
            List<Row> rowsOut = new ArrayList<>();
            for (DedupeCase dedupeCase : labelledSets(eval)) {
                rowsOut.add(measure(dedupeCase, "", conf, work, out));
            }
            rowsOut.add(crm(samples, conf, work, out));
            Path people = work.resolve("people-" + rows + ".csv");
            SyntheticPeople.Written written = new SyntheticPeople(seed).write(people, rows);
            rowsOut.add(measure(DedupeCase.people(String.format(Locale.ROOT, "synthetic people %,d", rows), people, region),
                    String.format(Locale.ROOT, "`jobs/bench people --rows %d --seed %d`: %,d persons, %.1f%% duplicates",
                            rows, seed, written.persons(), 100 * written.duplicateShare()), conf, work, out));
            String section = section(rowsOut, eval, home);
            BenchmarkDoc.publish(out, options.optionalPath("out"), SECTION, section, HEADER);
            return rowsOut.stream().allMatch(row -> row.measurement() != null) ? 0 : 1;
        } finally {
            if (temporary) {
                DedupeBenchmark.deleteTree(work);
            }
        }
    }

    /** The labelled sets of the shared evaluation folder, read as their documentation describes them. */
    static List<DedupeCase> labelledSets(Path eval) {
        return List.of(
                new DedupeCase("febrl1", eval.resolve("febrl1.csv"), "rec_id", DedupeCase.mapping(
                        "given_name=given_name", "family_name=surname", "address_line=street_number,address_1",
                        "city=suburb", "postcode=postcode", "region=state", "birth_date=date_of_birth",
                        "id_number=soc_sec_id"), "AU", null, Pattern.compile("rec-(\\d+)-")),
                new DedupeCase("rldata10000", eval.resolve("rldata10000.csv"), "rec_id", DedupeCase.mapping(
                        "given_name=fname_c1", "family_name=lname_c1", "birth_date=by,bm,bd"), "DE", "ent_id", null),
                new DedupeCase("fake_1000", eval.resolve("fake_1000.csv"), "unique_id", DedupeCase.mapping(
                        "given_name=first_name", "family_name=surname", "birth_date=dob", "city=city", "email=email"),
                        "GB", "cluster", null));
    }

    private static Row measure(DedupeCase dedupeCase, String note, Path conf, Path work, PrintStream out) {
        if (!Files.isRegularFile(dedupeCase.input())) {
            out.println(dedupeCase.name() + ": skipped, " + dedupeCase.input() + " is not there");
            return new Row(dedupeCase, note, null, "skipped: `" + dedupeCase.input() + "` is not there");
        }
        Path dedupeOut = work.resolve("dedupe-" + dedupeCase.name().replaceAll("[^A-Za-z0-9_.-]", "_"));
        try {
            DedupeMeasurement m = DedupeMeasurement.measure(dedupeCase, conf, dedupeOut);
            out.printf(Locale.ROOT, "%-24s %,9d records, %,8d true pairs: pairwise P %.4f R %.4f F1 %.4f, B-cubed F1 %.4f, "
                            + "%.1f s%n", dedupeCase.name(), m.records(), m.truePairs(), m.pairwisePrecision(),
                    m.pairwiseRecall(), m.pairwiseF1(), m.bCubedF1(), m.wallMillis() / 1000.0);
            return new Row(dedupeCase, note, m, null);
        } catch (CsvDedupe.InputException | IOException | IllegalStateException | IllegalArgumentException e) {
            out.println(dedupeCase.name() + ": failed: " + e.getMessage());
            return new Row(dedupeCase, note, null, "failed: " + e.getMessage());
        }
    }

    /**
     * data-samples' CRM export with the truth of data-samples/truth/contacts_truth.csv added as a
     * column {@code person_id}. Only the CRM: the other sources are JSON Lines, GBK CSV and an SQL
     * script, which only the nightly job reads together. Rows whose number of values differs from
     * the header's (the nightly ingest rejects them as malformed) are left out, as CsvDedupe stops on them.
     */
    private static Row crm(Path samples, Path conf, Path work, PrintStream out) throws IOException {
        Path contacts = samples.resolve("crm/contacts.csv");
        Path truthFile = samples.resolve("truth/contacts_truth.csv");
        Path joined = work.resolve("crm_with_truth.csv");
        DedupeCase dedupeCase = new DedupeCase("data-samples crm", joined, "contact_id", DedupeCase.mapping(
                "given_name=first_name", "family_name=last_name", "email=email", "phone=mobile", "birth_date=birth_date",
                "address_line=street", "city=city", "postcode=postcode", "country=country", "company=company"),
                "CN", "person_id", null);
        if (!Files.isRegularFile(contacts) || !Files.isRegularFile(truthFile)) {
            out.println("data-samples crm: skipped, " + contacts + " or " + truthFile + " is not there");
            return new Row(dedupeCase, "", null, "skipped: `" + contacts + "` or `" + truthFile + "` is not there");
        }
        Map<String, String> truth = new HashMap<>();
        CSVFormat read = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(truthFile, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, read)) {
            for (CSVRecord record : parser) {
                if (record.get("source").equals("crm")) {
                    truth.put(record.get("source_record_id"), record.get("person_id"));
                }
            }
        }
        int kept = 0;
        int malformed = 0;
        try (Reader reader = Files.newBufferedReader(contacts, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, read);
             Writer writer = Files.newBufferedWriter(joined, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
            List<String> header = new ArrayList<>(parser.getHeaderNames());
            header.add("person_id");
            printer.printRecord(header);
            for (CSVRecord record : parser) {
                if (record.size() != header.size() - 1) {
                    malformed++;
                    continue;
                }
                String id = record.get("contact_id");
                String person = truth.get(id);
                if (person == null) {
                    throw new IOException(truthFile + ": no truth for crm record '" + id + "'");
                }
                List<String> values = new ArrayList<>(record.toList());
                values.add(person);
                printer.printRecord(values);
                kept++;
            }
        }
        String note = String.format(Locale.ROOT, "`data-samples/crm/contacts.csv` with `person_id` from "
                + "`truth/contacts_truth.csv`; %,d rows, %d malformed row%s left out", kept, malformed, malformed == 1 ? "" : "s");
        return measure(dedupeCase, note, conf, work, out);
    }

    static String section(List<Row> rows, Path eval, Path home) {
        StringBuilder md = new StringBuilder("## Results\n\n");
        md.append("""
                Written by `jobs/bench quality --out docs/quality.md` (`com.custmaster.bench.QualityBenchmark`): each \
                set is deduplicated by `CsvDedupe` (as `jobs/dedupe` does) with the default `conf/matching.yml`, the \
                model trained on the set itself with no labels, and its clusters.csv scored against the truth by \
                `ClusteringEvaluator` (as `jobs/evaluate` does). Seconds: `CsvDedupe.run` end to end, in one JVM, \
                sets one after the other (the first pays for the JIT warm-up).

                """);
        md.append("Machine: ").append(BenchmarkDoc.host()).append("; JVM flags: `")
                .append(DedupeMeasurement.currentJvmFlags()).append("`; load average (1, 5, 15 min) at the end: ")
                .append(BenchmarkDoc.loadAverage()).append(".\n\n");
        md.append("| data set | records | true pairs | precision | recall | F1 | B-cubed F1 | seconds |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Row row : rows) {
            DedupeMeasurement m = row.measurement();
            if (m == null) {
                md.append("| ").append(row.dedupeCase().name()).append(" | ").append(row.failure())
                        .append(" | | | | | | |\n");
                continue;
            }
            md.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %.4f | %.4f | **%.4f** | %.4f | %.1f |%n",
                    row.dedupeCase().name(), m.records(), m.truePairs(), m.pairwisePrecision(), m.pairwiseRecall(),
                    m.pairwiseF1(), m.bCubedF1(), m.wallMillis() / 1000.0));
        }
        md.append('\n').append(bar(rows)).append("\n\n");
        md.append("Precision, recall and F1 are pairwise; true pairs are the pairs of records that are one entity. "
                + "How each set was read (`jobs/dedupe --map` fields; the eval folder is `")
                .append(relative(eval, home)).append("`):\n\n");
        md.append("| data set | file | id | fields | phone region | truth | predicted / true clusters (largest predicted) |\n");
        md.append("| --- | --- | --- | --- | --- | --- | ---: |\n");
        for (Row row : rows) {
            DedupeCase c = row.dedupeCase();
            DedupeMeasurement m = row.measurement();
            String file = row.note().isEmpty() ? "`" + c.input().getFileName() + "`" : row.note();
            md.append(String.format(Locale.ROOT, "| %s | %s | `%s` | `%s` | %s | %s | %s |%n", c.name(), file,
                    c.idColumn(), c.describeMapping(), c.phoneRegion(), c.describeTruth(),
                    m == null ? "" : String.format(Locale.ROOT, "%,d / %,d (%,d)", m.clusters(), m.trueEntities(),
                            m.largestCluster())));
        }
        return md.toString();
    }

    /** Pairwise F1 of at least 0.99 on febrl1 and rldata10000, default configuration, no labels. */
    static String bar(List<Row> rows) {
        List<String> parts = new ArrayList<>();
        boolean met = true;
        for (String name : BAR_SETS) {
            Row row = rows.stream().filter(r -> r.dedupeCase().name().equals(name)).findFirst().orElse(null);
            if (row == null || row.measurement() == null) {
                parts.add(name + " not measured");
                met = false;
                continue;
            }
            double f1 = row.measurement().pairwiseF1();
            boolean ok = f1 >= BAR_F1;
            met &= ok;
            parts.add(String.format(Locale.ROOT, "%s %.4f (%s)", name, f1, ok ? "met" : "**below**"));
        }
        return String.format(Locale.ROOT, "Bar: pairwise F1 ≥ %.2f on %s with the default configuration and no labels: "
                + "%s — %s.", BAR_F1, String.join(" and ", BAR_SETS), met ? "**met**" : "**not met**", String.join(", ", parts));
    }

    private static String relative(Path path, Path home) {
        try {
            return home.relativize(path).toString();
        } catch (IllegalArgumentException e) {
            return path.toString();
        }
    }
}
