package com.custmaster.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.custmaster.config.ConfigLoader;
import com.custmaster.config.MatchingConfig;
import com.custmaster.domain.CanonicalField;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDedupeTest {

    private static final MatchingConfig CONFIG = ConfigLoader.loadMatching(Path.of("conf"));

    @TempDir
    Path dir;

    private CsvDedupe.Options options(Path input) {
        Map<CanonicalField, List<String>> mapping = Map.of(
                CanonicalField.GIVEN_NAME, List.of("first"),
                CanonicalField.FAMILY_NAME, List.of("last"),
                CanonicalField.BIRTH_DATE, List.of("year", "month", "day"),
                CanonicalField.EMAIL, List.of("email"));
        return new CsvDedupe.Options(input, "id", mapping, ',', StandardCharsets.UTF_8, "GB", null, dir.resolve("out"));
    }

    private Path write(String... lines) throws IOException {
        Path file = dir.resolve("people.csv");
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void duplicatesShareAClusterAndEveryRecordIsWrittenOnce() throws IOException {
        Path input = write("id, first, last, year, month, day, email, note",
                "a1, John, Smith, 1970, 2, 3, john.smith@example.com, x",
                "a2, Jon, Smith, 1970, 2, 3, john.smith@example.com, y",
                "b1, Mary, Jones, 1980, 11, 71, mary.jones@example.org, z",
                "b2, Mary, Jones, 1980, 11, 17, mary.jones@example.org, z",
                "c1, Zoe, Brown, , , , , ",
                "d1, , , , , , , nothing to match on");

        CsvDedupe.Summary summary = CsvDedupe.run(options(input), CONFIG);

        Map<String, String> clusters = new HashMap<>();
        List<String> lines = Files.readAllLines(dir.resolve("out/clusters.csv"));
        assertThat(lines.get(0)).isEqualTo("record_id,cluster_id");
        lines.stream().skip(1).forEach(line -> clusters.put(line.split(",")[0], line.split(",")[1]));
        assertThat(clusters).hasSize(6);
        assertThat(clusters.get("a2")).isEqualTo(clusters.get("a1"));
        assertThat(clusters.get("b2")).isEqualTo(clusters.get("b1"));
        assertThat(clusters.get("a1")).isNotEqualTo(clusters.get("b1"));
        assertThat(clusters.get("d1")).isEqualTo("d1");
        assertThat(summary.records()).isEqualTo(6);
        assertThat(summary.clusters()).isEqualTo(4);
        assertThat(summary.withoutIdentity()).isEqualTo(1);
        assertThat(summary.datesIgnored()).isEqualTo(1);
        assertThat(summary.datesAsText()).as("1980-11-71 is compared as text").isEqualTo(1);
        assertThat(Files.readAllLines(dir.resolve("out/pairs.csv")).get(0))
                .isEqualTo("record_id_l,record_id_r,match_probability,decision");
        assertThat(Files.readString(dir.resolve("out/model.json"))).contains("\"priorMatchProbability\"");
    }

    @Test
    void aMissingMappedColumnIsNamedWithTheHeader() throws IOException {
        Path input = write("id,first,surname", "1,John,Smith");

        assertThatThrownBy(() -> CsvDedupe.run(options(input), CONFIG))
                .isInstanceOf(CsvDedupe.InputException.class)
                .hasMessageContaining("people.csv: line 1: no column 'last'");
    }

    @Test
    void aRepeatedIdIsRejectedWithItsLine() throws IOException {
        Path input = write("id,first,last,year,month,day,email", "1,John,Smith,,,,", "1,Mary,Jones,,,,");

        assertThatThrownBy(() -> CsvDedupe.run(options(input), CONFIG))
                .isInstanceOf(CsvDedupe.InputException.class)
                .hasMessageContaining("line 3").hasMessageContaining("id '1' appears twice");
    }

    @Test
    void datesThatAreNoCalendarDatesAreKeptAsTextForMatching() {
        assertThat(CsvDedupe.dateText("1994/11/71")).isEqualTo("1994-11-71");
        assertThat(CsvDedupe.dateText("1967/13/1")).isEqualTo("1967-13-01");
        assertThat(CsvDedupe.dateText("19900231")).isEqualTo("1990-02-31");
        assertThat(CsvDedupe.dateText("soon")).isNull();
    }

    @Test
    void aSpreadsheetExportWithAByteOrderMarkCrLfAndAQuotedHeaderIsRead() throws IOException {
        // as Excel saves "CSV UTF-8": U+FEFF first, CRLF line ends, header cells quoted
        Path input = dir.resolve("export.csv");
        Files.writeString(input, "\uFEFF\"id\";\"first\";\"last\";\"year\";\"month\";\"day\";\"email\"\r\n"
                + "1;John;Smith;1970;2;3;john.smith@example.com\r\n"
                + "2;Jon;Smith;1970;2;3;john.smith@example.com\r\n"
                + "3;Mary;Jones;1980;11;17;\r\n", StandardCharsets.UTF_8);
        CsvDedupe.Options base = options(input);
        CsvDedupe.Options semicolons = new CsvDedupe.Options(base.input(), base.idColumn(), base.mapping(), ';',
                StandardCharsets.UTF_8, "GB", null, base.out());

        CsvDedupe.Summary summary = CsvDedupe.run(semicolons, CONFIG);

        assertThat(summary.records()).isEqualTo(3);
        assertThat(summary.clusters()).isEqualTo(2);
        assertThat(Files.readAllLines(dir.resolve("out/clusters.csv"))).contains("1,1", "2,1", "3,3");
    }

    @Test
    void datesWrittenDayFirstAreReadDayFirstWhenTheValuesShowIt() throws IOException {
        Path input = dir.resolve("dmy.csv");
        Files.write(input, List.of("id,first,last,dob,email",
                "1,John,Smith,07/03/1985,", "2,Jon,Smith,07/03/1985,", "3,Mary,Jones,31/12/1970,",
                "4,Marie,Jones,31/12/1970,"), StandardCharsets.UTF_8);
        Map<CanonicalField, List<String>> mapping = Map.of(CanonicalField.GIVEN_NAME, List.of("first"),
                CanonicalField.FAMILY_NAME, List.of("last"), CanonicalField.BIRTH_DATE, List.of("dob"));
        CsvDedupe.Options options = new CsvDedupe.Options(input, "id", mapping, ',', StandardCharsets.UTF_8, "GB", null,
                dir.resolve("out"));

        CsvDedupe.Summary summary = CsvDedupe.run(options, CONFIG);

        assertThat(summary.guessedDateFormat()).isEqualTo("d/M/yyyy");
        assertThat(summary.dateFormatReason()).contains("first number above 12");
        assertThat(summary.datesIgnored()).isZero();
    }

    @Test
    void aGivenDateFormatIsTakenAsItIs() throws IOException {
        Path input = dir.resolve("mdy.csv");
        Files.write(input, List.of("id,first,last,dob,email", "1,John,Smith,03/07/1985,", "2,Mary,Jones,12/31/1970,"),
                StandardCharsets.UTF_8);
        Map<CanonicalField, List<String>> mapping = Map.of(CanonicalField.GIVEN_NAME, List.of("first"),
                CanonicalField.FAMILY_NAME, List.of("last"), CanonicalField.BIRTH_DATE, List.of("dob"));
        CsvDedupe.Options options = new CsvDedupe.Options(input, "id", mapping, ',', StandardCharsets.UTF_8, "GB",
                "MM/dd/yyyy", dir.resolve("out"));

        CsvDedupe.Summary summary = CsvDedupe.run(options, CONFIG);

        assertThat(summary.guessedDateFormat()).isNull();
        assertThat(summary.datesIgnored()).isZero();
    }

    @Test
    void aFileInAnotherEncodingIsAnInputErrorThatSaysToNameTheEncoding() throws IOException {
        Path input = dir.resolve("latin1.csv");
        Files.write(input, List.of("id,first,last,year,month,day,email", "1,Jürgen,Müller,,,,", "2,Jurgen,Muller,,,,"),
                java.nio.charset.StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> CsvDedupe.run(options(input), CONFIG))
                .isInstanceOf(CsvDedupe.InputException.class)
                .hasMessageContaining("latin1.csv: line 2: not UTF-8 text; give the file's encoding with --encoding");
    }

    @Test
    void naAndNullCellsAreMissingValuesUnlessToldOtherwise() throws IOException {
        Path input = write("id,first,last,year,month,day,email",
                "NA,NA,NA,NA,NA,NA,NULL", "2,NA,NA,NA,NA,NA,NULL", "3,Nan,Li,1990,1,2,", "4,Nan,Li,1990,1,2,");

        CsvDedupe.Summary summary = CsvDedupe.run(options(input), CONFIG);

        assertThat(summary.records()).isEqualTo(4);
        assertThat(summary.withoutIdentity()).as("NA names and a NULL e-mail are nothing to match on").isEqualTo(2);
        assertThat(summary.datesIgnored()).isZero();
        assertThat(Files.readAllLines(dir.resolve("out/clusters.csv"))).contains("NA,NA", "2,2", "3,3", "4,3");

        CsvDedupe.Options base = options(input);
        CsvDedupe.Options asWritten = new CsvDedupe.Options(base.input(), base.idColumn(), base.mapping(), ',',
                StandardCharsets.UTF_8, "GB", null, base.out(), null, java.util.Set.of());
        CsvDedupe.Summary literal = CsvDedupe.run(asWritten, CONFIG);

        assertThat(literal.withoutIdentity()).isZero();
        assertThat(literal.datesIgnored()).as("NA/NA/NA is no date").isEqualTo(2);
    }

    @Test
    void aLabelNamingAnUnknownRecordIsRejectedWithItsLine() throws IOException {
        Path input = write("id,first,last,year,month,day,email", "1,John,Smith,,,,", "2,Mary,Jones,,,,");
        Path labels = dir.resolve("labels.csv");
        Files.write(labels, List.of("record_id_l,record_id_r,is_match", "1,2,0", "1,7,1"));
        CsvDedupe.Options base = options(input);
        CsvDedupe.Options withLabels = new CsvDedupe.Options(base.input(), base.idColumn(), base.mapping(), ',',
                StandardCharsets.UTF_8, "GB", null, base.out(),
                new CsvDedupe.Labels(labels, "record_id_l", "record_id_r", "is_match"));

        assertThatThrownBy(() -> CsvDedupe.run(withLabels, CONFIG))
                .isInstanceOf(CsvDedupe.InputException.class)
                .hasMessageContaining("labels.csv: line 3: record id '7' is not in the input");
    }
}
