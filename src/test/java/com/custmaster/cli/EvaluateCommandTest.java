package com.custmaster.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code custmaster evaluate} end to end, through picocli, on files in a temporary folder. */
class EvaluateCommandTest {

    /** Febrl style: a space after each comma; entities 1 (3 records), 2 (2 records), 3 (1 record). */
    private static final String FEBRL = """
            rec_id, given_name, surname, truth
            rec-1-org, john, smith, 1
            rec-1-dup-0, jon, smith, 1
            rec-1-dup-1, john, smyth, 1
            rec-2-org, mary, jones, 2
            rec-2-dup-0, marie, jones, 2
            rec-3-org, wei, zhang, 3
            """;
    /** Finds entity 1 whole except rec-1-dup-1, and merges entities 2 and 3. */
    private static final String CLUSTERS = """
            record_id,cluster_id
            rec-1-org,A
            rec-1-dup-0,A
            rec-1-dup-1,B
            rec-2-org,C
            rec-2-dup-0,C
            rec-3-org,C
            rec-9-org,Z
            """;

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void printsTheFiguresOfAGoodRunAndWritesThemAsJson() throws IOException {
        // given
        Path input = write("febrl.csv", FEBRL);
        Path clusters = write("out/clusters.csv", CLUSTERS);
        Path json = folder.resolve("out/quality.json");

        // when
        int exit = run("evaluate", "--input", input.toString(), "--id", "rec_id", "--truth", "truth",
                "--clusters", clusters.toString(), "--json", json.toString());

        // then: predicted pairs A 1 + C 3 = 4; true pairs 3 + 1 = 4; right: (org, dup-0) and (2-org, 2-dup-0) = 2.
        // B-cubed precision (2*2/2 + 1*1/1 + 2*2/3 + 1*1/3) / 6 = 7/9; recall (2*2/3 + 1*1/3 + 2*2/2 + 1*1/1) / 6 = 7/9.
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("evaluated 6 records of " + input)
                .contains("predicted clusters 3, true entities 3")
                .contains("pairwise  precision 0.5000  recall 0.5000  F1 0.5000")
                .contains("true-positive pairs 2, predicted pairs 4, true pairs 4")
                .contains("B-cubed   precision 0.7778  recall 0.7778  F1 0.7778")
                .contains("1 rows of " + clusters + " are for records not in the input");
        JsonNode figures = new ObjectMapper().readTree(json.toFile());
        assertThat(figures.get("records").asLong()).isEqualTo(6);
        assertThat(figures.get("pairwise").get("f1").asDouble()).isEqualTo(0.5);
        assertThat(figures.get("pairwise").get("true_positive_pairs").asLong()).isEqualTo(2);
        assertThat(figures.get("b_cubed").get("precision").asDouble()).isCloseTo(7.0 / 9, within(1e-12));
    }

    @Test
    void takesTheTruthFromTheIdWithOtherDelimiterAndEncoding() throws IOException {
        Path input = folder.resolve("people.tsv");
        Files.writeString(input, FEBRL.replace(", ", "\t").replace("john", "jöhn"), Charset.forName("ISO-8859-1"));
        Path clusters = write("clusters.csv", CLUSTERS);

        int exit = run("evaluate", "--input", input.toString(), "--id", "rec_id", "--truth-from-id", "rec-(\\d+)-",
                "--clusters", clusters.toString(), "--delimiter", "tab", "--encoding", "ISO-8859-1");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("pairwise  precision 0.5000  recall 0.5000  F1 0.5000");
    }

    @Test
    void readsFilesThatStartWithAByteOrderMarkEvenBeforeAQuotedHeader() throws IOException {
        Path input = folder.resolve("febrl.csv");
        String quoted = FEBRL.replaceFirst("rec_id", "\"rec_id\"");
        Files.writeString(input, "\uFEFF" + quoted.replace("\n", "\r\n"), StandardCharsets.UTF_8);
        Path clusters = folder.resolve("clusters.csv");
        Files.writeString(clusters, "\uFEFF" + CLUSTERS, StandardCharsets.UTF_8);

        int exit = run("evaluate", "--input", input.toString(), "--id", "rec_id", "--truth", "truth",
                "--clusters", clusters.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("pairwise  precision 0.5000  recall 0.5000  F1 0.5000");
    }

    @Test
    void anInputInAnotherEncodingIsADataErrorThatNamesTheLineAndTheOption() throws IOException {
        Path input = folder.resolve("latin1.csv");
        Files.writeString(input, FEBRL.replace("mary", "märy"), Charset.forName("ISO-8859-1"));
        Path clusters = write("clusters.csv", CLUSTERS);

        int exit = run("evaluate", "--input", input.toString(), "--id", "rec_id", "--truth", "truth",
                "--clusters", clusters.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(input + ": line 5: not UTF-8 text; give the file's encoding with --encoding");
    }

    @Test
    void aRecordWithoutClusterIsADataErrorNamingFileLineAndColumn() throws IOException {
        Path input = write("febrl.csv", FEBRL);
        Path clusters = write("clusters.csv", CLUSTERS.replace("rec-2-dup-0,C\n", ""));

        int exit = run("evaluate", "--input", input.toString(), "--id", "rec_id", "--truth", "truth",
                "--clusters", clusters.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(input + ":6: column 'rec_id': record 'rec-2-dup-0' is not in " + clusters);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anEmptyTruthIsADataErrorNamingFileLineAndColumn() throws IOException {
        Path input = write("febrl.csv", FEBRL.replace("rec-2-org, mary, jones, 2", "rec-2-org, mary, jones,  "));
        Path clusters = write("clusters.csv", CLUSTERS);

        int exit = run("evaluate", "--input", input.toString(), "--id", "rec_id", "--truth", "truth",
                "--clusters", clusters.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(input + ":5: column 'truth': the truth is empty for record 'rec-2-org'");
    }

    @Test
    void anIdTheTruthPatternDoesNotMatchIsADataError() throws IOException {
        Path input = write("febrl.csv", FEBRL.replace("rec-3-org", "record-three"));
        Path clusters = write("clusters.csv", CLUSTERS.replace("rec-3-org", "record-three"));

        int exit = run("evaluate", "--input", input.toString(), "--id", "rec_id", "--truth-from-id", "rec-(\\d+)-",
                "--clusters", clusters.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(input + ":7: column 'rec_id': record id 'record-three' does not match");
    }

    @Test
    void aMissingColumnOrFileIsAUsageError() throws IOException {
        Path input = write("febrl.csv", FEBRL);
        Path clusters = write("clusters.csv", CLUSTERS);

        assertThat(run("evaluate", "--input", input.toString(), "--id", "id", "--truth", "truth",
                "--clusters", clusters.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(input + ":1: no column 'id' (given by --id); the header has [rec_id, given_name");

        assertThat(run("evaluate", "--input", input.toString(), "--id", "rec_id", "--truth", "truth",
                "--clusters", folder.resolve("none.csv").toString())).isEqualTo(2);
        assertThat(err.toString()).contains(folder.resolve("none.csv") + ": no such file");

        Path noHeader = write("bad-clusters.csv", "rec-1-org,A\n");
        assertThat(run("evaluate", "--input", input.toString(), "--id", "rec_id", "--truth", "truth",
                "--clusters", noHeader.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(noHeader + ":1: no column 'record_id'");
    }

    @Test
    void duplicateIdsAreDataErrors() throws IOException {
        Path input = write("febrl.csv", FEBRL + "rec-1-org, johnny, smith, 1\n");
        Path clusters = write("clusters.csv", CLUSTERS);

        assertThat(run("evaluate", "--input", input.toString(), "--id", "rec_id", "--truth", "truth",
                "--clusters", clusters.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(input + ":8: column 'rec_id': record id 'rec-1-org' is there already on line 2");

        Path twice = write("twice.csv", CLUSTERS + "rec-1-org,B\n");
        assertThat(run("evaluate", "--input", write("f.csv", FEBRL).toString(), "--id", "rec_id", "--truth", "truth",
                "--clusters", twice.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(twice + ":9: column 'record_id': record 'rec-1-org' has a cluster already");
    }

    @Test
    void badOptionsAreUsageErrors() throws IOException {
        Path input = write("febrl.csv", FEBRL);
        Path clusters = write("clusters.csv", CLUSTERS);

        assertThat(run("evaluate", "--input", input.toString(), "--id", "rec_id", "--clusters", clusters.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--truth").contains("try 'custmaster evaluate --help'");

        assertThat(run("evaluate", "--input", input.toString(), "--id", "rec_id", "--truth", "truth",
                "--truth-from-id", "rec-(\\d+)", "--clusters", clusters.toString())).isEqualTo(2);
        assertThat(run("evaluate", "--input", input.toString(), "--id", "rec_id", "--truth-from-id", "rec-\\d+",
                "--clusters", clusters.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("has no capture group");
        assertThat(run("evaluate", "--input", input.toString(), "--id", "rec_id", "--truth-from-id", "rec-(",
                "--clusters", clusters.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("not a valid regular expression");
        assertThat(run("evaluate", "--input", input.toString(), "--id", "rec_id", "--truth", "truth",
                "--clusters", clusters.toString(), "--delimiter", ";;")).isEqualTo(2);
        assertThat(err.toString()).contains("--delimiter must be one character");
    }

    @Test
    void helpExplainsTheOptionsAndExitCodes() {
        assertThat(run("evaluate", "--help")).isZero();
        assertThat(out.toString()).contains("--truth-from-id=REGEX").contains("record_id,cluster_id")
                .contains("B-cubed").contains("Exit codes:").contains("Examples:");
    }

    private int run(String... args) {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private Path write(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
