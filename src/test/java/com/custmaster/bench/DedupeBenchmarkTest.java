package com.custmaster.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DedupeBenchmarkTest {

    private static final String BEFORE = """
            # Benchmarks

            Text written by hand before the sections.

            <!-- bench:ingest:start -->
            ## Ingest and normalisation
            figures of another benchmark
            <!-- bench:ingest:end -->

            ### Notes written by hand between the sections
            """;
    private static final String AFTER = "\n### Notes written by hand after the sections\n";
    /** A row of the figures table: records, persons, wall s, ... , pairwise P / R / F1, B-cubed F1, load. */
    private static final Pattern ROW = Pattern.compile("\\| ([0-9,]+) \\| ([0-9,]+) \\| \\*\\*([0-9.]+)\\*\\* \\| .*"
            + "\\| \\*\\*([0-9,]+)\\*\\* \\| [0-9,]+, [0-9.]+ s \\| ([0-9.]+) / ([0-9.]+) / \\*\\*([0-9.]+)\\*\\* \\| ([0-9.]+) \\| .*");

    @TempDir
    Path folder;

    @Test
    void writesTheFiguresOfEachSizeIntoItsOwnSectionAndARerunReplacesOnlyThatSection() throws IOException {
        // given
        Path doc = folder.resolve("benchmarks.md");
        Files.writeString(doc, BEFORE + AFTER, StandardCharsets.UTF_8);

        // when
        int exit = DedupeBenchmark.run(new String[] {"--rows", "2000", "--fork", "no", "--out", doc.toString(),
                "--work", folder.resolve("work").toString()}, quiet());

        // then
        assertThat(exit).isZero();
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        String section = section(text);
        assertThat(section).contains("## Deduplication end to end", "Reproduce: `jobs/bench dedupe --rows 2000",
                "Machine: ", "Bar: \"1,000,000 contacts deduplicated end to end in under 60 seconds",
                "not measured in this run", "Growth, wall seconds per 100,000 records", "| full_name |");
        List<Matcher> rows = rows(section);
        assertThat(rows).hasSize(1);
        Matcher row = rows.get(0);
        assertThat(row.group(1)).isEqualTo("2,000");
        assertThat(Double.parseDouble(row.group(3))).as("wall seconds").isPositive();
        assertThat(Double.parseDouble(row.group(4).replace(",", ""))).as("peak RSS MiB").isPositive();
        for (int group = 5; group <= 8; group++) {
            assertThat(Double.parseDouble(row.group(group))).as("score in group %d", group).isBetween(0.0, 1.0);
        }
        assertThat(Double.parseDouble(row.group(7))).as("pairwise F1 on easy synthetic data").isGreaterThan(0.5);
        // the first run appends its section; everything that was there stays
        assertThat(text).startsWith((BEFORE + AFTER).stripTrailing()).endsWith("<!-- bench:dedupe:end -->\n");

        // when: a rerun, at another size, after someone edited the text before the section and added some after it
        String edited = text.replace("Text written by hand before", "Text edited by hand before")
                + "\n### Notes on the dedupe figures, written by hand\n";
        Files.writeString(doc, edited, StandardCharsets.UTF_8);
        exit = DedupeBenchmark.run(new String[] {"--rows", "500", "--fork", "no", "--out", doc.toString(),
                "--work", folder.resolve("work").toString()}, quiet());

        // then: only the section changed
        assertThat(exit).isZero();
        String rerun = Files.readString(doc, StandardCharsets.UTF_8);
        String newSection = section(rerun);
        assertThat(rows(newSection)).hasSize(1);
        assertThat(rows(newSection).get(0).group(1)).isEqualTo("500");
        assertThat(rerun.replace(newSection, "")).isEqualTo(edited.replace(section, ""));
        assertThat(rerun).containsOnlyOnce("<!-- bench:dedupe:start -->").containsOnlyOnce("<!-- bench:dedupe:end -->")
                .contains("figures of another benchmark");
    }

    @Test
    void theBarIsMetOnlyByAMillionRecordsInUnderAMinuteAndUnder8Gb() {
        assertThat(DedupeBenchmark.bar(List.of(result(1_000_000, 59_000, 6_000_000)))).contains("**met**")
                .doesNotContain("not met");
        assertThat(DedupeBenchmark.bar(List.of(result(1_000_000, 61_000, 6_000_000)))).contains("**not met**", "**over** 60 s");
        assertThat(DedupeBenchmark.bar(List.of(result(1_000_000, 30_000, 8_000_000)))).contains("**not met**", "**over** 8 GB");
        assertThat(DedupeBenchmark.bar(List.of(result(300_000, 10_000, 1_000_000)))).contains("not measured in this run");
        assertThat(DedupeBenchmark.bar(List.of(new DedupeBenchmark.SizeResult(1_000_000, 800_000, 1, null,
                "did not finish within 30 minutes (stopped)", "1 1 1", "2 2 2"))))
                .contains("**not met**", "did not finish");
    }

    @Test
    void growthComparesTheTimePerRecordOfTheSmallestAndTheLargestSize() {
        String growth = DedupeBenchmark.growth(List.of(result(100_000, 10_000, 1), result(1_000_000, 200_000, 1)));

        assertThat(growth).contains("100,000: 10.00 s", "1,000,000: 20.00 s", "2.00×", "**faster than linear**");
    }

    @Test
    void aMeasurementSurvivesTheTripFromTheChildJvm() throws IOException {
        DedupeMeasurement measurement = result(1_000, 1_500, 400_000).measurement();
        Path file = folder.resolve("result.properties");

        measurement.write(file);

        assertThat(DedupeMeasurement.read(file)).isEqualTo(measurement);
    }

    private static DedupeBenchmark.SizeResult result(int rows, long wallMillis, long peakKib) {
        Map<String, Long> rules = new java.util.LinkedHashMap<>();
        rules.put("phone", 10L * rows / 100);
        rules.put("full_name", 5L * rows / 100);
        DedupeMeasurement measurement = new DedupeMeasurement(rows, rows * 8L / 10, wallMillis, wallMillis / 4,
                wallMillis / 2, wallMillis / 4, wallMillis * 2, 100, 7, peakKib, rules, rows / 10, rows / 100, 4, 2.5e-5, 0.98,
                0.97, 0.97499, 0.99, rows / 5, rows / 5, rows * 8L / 10, "-Xmx8g");
        return new DedupeBenchmark.SizeResult(rows, rows * 8 / 10, 1.5, measurement, null, "1.00 1.00 1.00",
                "2.00 2.00 2.00");
    }

    private static String section(String text) {
        int start = text.indexOf("<!-- bench:dedupe:start -->");
        int end = text.indexOf("<!-- bench:dedupe:end -->");
        assertThat(start).as("start marker").isNotNegative();
        assertThat(end).as("end marker after the start marker").isGreaterThan(start);
        return text.substring(start, end + "<!-- bench:dedupe:end -->".length());
    }

    private static List<Matcher> rows(String section) {
        List<Matcher> rows = new ArrayList<>();
        for (String line : section.split("\n")) {
            Matcher matcher = ROW.matcher(line);
            if (matcher.matches()) {
                rows.add(matcher);
            }
        }
        return rows;
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
