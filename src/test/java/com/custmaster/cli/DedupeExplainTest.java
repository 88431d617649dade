package com.custmaster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code custmaster dedupe ... --explain ID1,ID2}: a pair of an earlier dedupe run, scored with its model.json. */
class DedupeExplainTest {

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private String[] dedupe;

    @BeforeEach
    void writeTheInput() throws IOException {
        Path input = folder.resolve("people.csv");
        Files.write(input, List.of("id, first, last, year, month, day, email",
                "a1, John, Smith, 1970, 2, 3, john.smith@example.com",
                "a2, Jon, Smith, 1970, 2, 3, john.smith@example.com",
                "b1, Mary, Jones, 1980, 11, 71, mary.jones@example.org",
                "b2, Mary, Jones, 1980, 11, 17, mary.jones@example.org",
                "c1, Zoe, Brown, , , , ",
                "d1, , , , , , "), StandardCharsets.UTF_8);
        dedupe = new String[] {"dedupe", "--input", input.toString(), "--id", "id", "--map", "given_name=first",
                "--map", "family_name=last", "--map", "birth_date=year,month,day", "--map", "email=email",
                "--out", folder.resolve("out").toString()};
    }

    @Test
    void explainsAMergedPairWithTheProbabilityTheRunWroteAndTheUnreadableDateAsCompared() throws IOException {
        // given
        assertThat(run()).isZero();
        String pairLine = Files.readAllLines(folder.resolve("out/pairs.csv")).stream()
                .filter(line -> line.startsWith("b1,b2,")).findFirst().orElseThrow();
        String probability = pairLine.split(",")[2];
        List<String> written = files();

        // when
        int exit = run("--explain", "b2,b1");

        // then
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("pair b1 ~ b2, scored with " + folder.resolve("out/model.json") + " over 5 records")
                .containsPattern("(?m)^birth_date +1980-11-71 +1980-11-17 +two_of_year_month_day ")
                .containsPattern("(?m)^email_key +mary.jones@example.org +mary.jones@example.org +exact ")
                .contains("match probability " + probability + ": match")
                .contains("blocking: compared, found by rule email");
        assertThat(files()).as("--explain writes nothing").isEqualTo(written);
    }

    @Test
    void anUnknownIdOrARecordWithNothingToMatchOnIsAnInputError() {
        assertThat(run()).isZero();

        assertThat(run("--explain", "a1,zz")).isEqualTo(2);
        assertThat(err.toString()).contains("input error: ").contains("no record with id 'zz' in column 'id'");

        assertThat(run("--explain", "a1,d1")).isEqualTo(2);
        assertThat(err.toString()).contains("record 'd1' has nothing to match on");

        assertThat(run("--explain", "a1")).isEqualTo(2);
        assertThat(err.toString()).contains("--explain needs two different record ids");
    }

    @Test
    void withoutAnEarlierRunThereIsNoModelToExplainWith() {
        int exit = run("--explain", "a1,a2");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("model.json: no such file")
                .contains("run the command without --explain first");
        assertThat(out.toString()).isEmpty();
    }

    private int run(String... extra) {
        String[] args = Stream.concat(Stream.of(dedupe), Stream.of(extra)).toArray(String[]::new);
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(file -> file + ":" + file.toFile().lastModified()).sorted().toList();
        }
    }
}
