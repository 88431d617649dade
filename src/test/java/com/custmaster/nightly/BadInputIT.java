package com.custmaster.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import com.custmaster.batch.NightlyRunner;
import com.custmaster.batch.RunSummary;
import com.custmaster.config.ConfigLoader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input suite: one small crafted file per kind of bad input, each its own source of one
 * nightly run (the real job, database and Spark). For every case: how many records were read,
 * staged and rejected (read = staged + rejected: nothing lost), and each reject's line, field,
 * reason and message, as a person finds them in {@code rejected_record} and
 * {@code var/reports/<date>/rejects/<source>.csv}. Files stay under 20 records, so no case trips its
 * source's reject limit (IngestRulesIT covers that).
 */
class BadInputIT {

    private static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 22);
    private static final String HEADER = "id,name,email,phone,birth_date\n";
    private static final String HUGE_NAME = "Ann " + "Lee".repeat(40_000);
    private static final String LONG_ID = "L".repeat(250);

    @TempDir
    static Path home;

    private static RunSummary summary;

    /** A reject as a person reads it: the line, the field named, the reason code, part of the message. */
    record ExpectedReject(long line, String field, String reason, String message) {
        ExpectedReject {
            if (line < 1 || reason == null || message == null) {
                throw new IllegalArgumentException("line from 1, reason and message required: " + line);
            }
        }
    }

    /** One bad input: the file of its source and the counts and rejects it must give. */
    record Case(String source, String type, byte[] content, String encoding, long read, long staged,
                List<ExpectedReject> rejects) {
        Case {
            if (!source.matches("[a-z][a-z0-9_]*") || !(type.equals("csv") || type.equals("jsonl"))) {
                throw new IllegalArgumentException("bad case: " + source + " " + type);
            }
            rejects = List.copyOf(rejects);
        }

        @Override
        public String toString() {
            return source;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("truncated_in_quotes", "csv", utf8(HEADER + "T1,Ann Lee,ann@example.com,,\nT2,\"Bo Wa"),
                        "UTF-8", 2, 1, List.of(new ExpectedReject(3, null, "malformed_row",
                        "line 3: unreadable from here to the end of the file"))),
                new Case("truncated_row", "csv", utf8(HEADER + "C1,Ann Lee,ann@example.com,,\nC2,Bo"),
                        "UTF-8", 2, 1, List.of(new ExpectedReject(3, null, "malformed_row",
                        "line 3: expected 5 columns, found 2"))),
                new Case("wrong_encoding", "csv", concat(utf8(HEADER + "W1,Ann Lee,ann@example.com,,\nW2,"),
                        "张伟".getBytes(Charset.forName("GBK")), utf8(",zhang@example.com,,\n")),
                        "UTF-8", 2, 1, List.of(new ExpectedReject(3, "name", "invalid_encoding",
                        "line 3, field name: bytes not valid in the declared encoding UTF-8"))),
                new Case("missing_columns", "csv", utf8(HEADER + "M1,Ann Lee\nM2,Bo Wang,bo@example.com,,,extra\n"
                        + "M3,Cai Lin,cai@example.com,,\n"), "UTF-8", 3, 1, List.of(
                        new ExpectedReject(2, null, "malformed_row", "line 2: expected 5 columns, found 2"),
                        new ExpectedReject(3, null, "malformed_row", "line 3: expected 5 columns, found 6"))),
                new Case("absurd_values", "csv", utf8(HEADER
                        + "A1,Ann Lee,ann@example.com,,1850-01-01\n"
                        + "A2,Bo Wang,bo@example.com,,2099-01-01\n"
                        + "A3,Cai Lin,cai@example.com,,2026-02-30\n"
                        + "A4,Dan Wu,not-an-email,12,\n"
                        + "A5,,,,\n"), "UTF-8", 5, 1, List.of(
                        new ExpectedReject(2, "birth_date", "invalid_date", "'1850-01-01' is not a plausible birth date"),
                        new ExpectedReject(3, "birth_date", "invalid_date", "'2099-01-01' is not a plausible birth date"),
                        new ExpectedReject(4, "birth_date", "invalid_date", "'2026-02-30' is not a valid date"),
                        new ExpectedReject(6, null, "no_identity", "nothing to match on"))),
                new Case("huge_fields", "csv", utf8(HEADER + "H1," + HUGE_NAME + ",h@example.com,,\n"
                        + LONG_ID + ",Bo Wang,bo@example.com,,\n"), "UTF-8", 2, 1, List.of(
                        new ExpectedReject(3, "id", "malformed_row", "record id longer than 200 characters"))),
                new Case("duplicate_ids", "csv", utf8(HEADER + "D1,Ann Lee,old@example.com,,\n"
                        + "D2,Bo Wang,bo@example.com,,\nD1,Ann Lee,new@example.com,,\n"), "UTF-8", 3, 3, List.of()),
                new Case("broken_json", "jsonl", utf8("{\"id\": \"J1\", \"name\": \"Ann Lee\"}\n"
                        + "[\"J2\", \"Bo Wang\"]\n{\"id\": \"J3\", \"name\": \"Cai"), "UTF-8", 3, 1, List.of(
                        new ExpectedReject(2, null, "malformed_row", "line 2: expected a JSON object"),
                        new ExpectedReject(3, null, "malformed_row", "line 3: invalid JSON"))));
    }

    @BeforeAll
    static void runOneNightOverEveryCase() throws Exception {
        Path conf = SmallConf.write(home);
        Files.writeString(home.resolve("orders.csv"), """
                order_id,source,customer_ref,order_ts,amount
                O1,duplicate_ids,D1,2026-01-05 10:00:00,120.00
                O2,duplicate_ids,D2,2026-03-05 10:00:00,80.00
                O3,absurd_values,A4,2026-06-05 10:00:00,15.50
                """, StandardCharsets.UTF_8);
        for (Case c : cases().toList()) {
            Files.write(home.resolve(c.source() + "." + c.type()), c.content());
            Files.writeString(conf.resolve("sources").resolve(c.source() + ".yml"), """
                    name: %s
                    type: %s
                    path: %s.%s
                    encoding: %s
                    id: id
                    phone_region: CN
                    fields: { full_name: name, email: email, phone: phone, birth_date: { %s: birth_date, date_format: "yyyy-MM-dd" } }
                    """.formatted(c.source(), c.type(), c.source(), c.type(), c.encoding(),
                    c.type().equals("csv") ? "column" : "path"), StandardCharsets.UTF_8);
        }
        NightlyRunner.Outcome outcome = new NightlyRunner(new ConfigLoader(name -> null)
                .load(conf, home.resolve("var"))).run(RUN_DATE);
        assertThat(outcome.result()).as(outcome.message()).isEqualTo(NightlyRunner.Result.COMPLETED);
        summary = outcome.summary();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachBadInputIsCountedAndEveryRejectSaysWhereAndWhy(Case c) throws SQLException {
        RunSummary.SourceCounts counts = summary.sources().stream().filter(s -> s.source().equals(c.source()))
                .findFirst().orElseThrow();

        assertThat(counts).isEqualTo(new RunSummary.SourceCounts(c.source(), c.read(), c.staged(), c.rejects().size()));
        List<List<Object>> rejects = query("SELECT line_number, field, reason, message FROM rejected_record "
                + "WHERE source = ? ORDER BY line_number", c.source());
        assertThat(rejects).hasSameSizeAs(c.rejects());
        for (int i = 0; i < rejects.size(); i++) {
            ExpectedReject expected = c.rejects().get(i);
            List<Object> actual = rejects.get(i);
            assertThat(((Number) actual.get(0)).longValue()).as("line").isEqualTo(expected.line());
            assertThat(actual.get(1)).as("field").isEqualTo(expected.field());
            assertThat(actual.get(2)).as("reason").isEqualTo(expected.reason());
            assertThat((String) actual.get(3)).as("message").contains(c.source() + "." + c.type())
                    .contains(expected.message());
        }
    }

    @org.junit.jupiter.api.Test
    void aHugeFieldIsCutToItsColumnAndFlaggedNotRejected() throws SQLException {
        List<List<Object>> staged = query("SELECT full_name, quality_flags FROM staged_contact WHERE source = ?",
                "huge_fields");

        assertThat(staged).singleElement().satisfies(row -> {
            assertThat((String) row.get(0)).startsWith("Ann Lee").hasSizeLessThanOrEqualTo(500);
            assertThat((String) row.get(1)).contains("truncated_full_name");
        });
    }

    @org.junit.jupiter.api.Test
    void absurdEmailsAndPhonesAreKeptWithAQualityFlag() throws SQLException {
        assertThat(query("SELECT source_record_id, quality_flags FROM staged_contact WHERE source = ?", "absurd_values"))
                .singleElement().satisfies(row -> {
                    assertThat(row.get(0)).isEqualTo("A4");
                    assertThat((String) row.get(1)).contains("email_invalid").contains("phone_invalid");
                });
    }

    @org.junit.jupiter.api.Test
    void anIdRepeatedWithinASourceIsOneSourceRecordWhoseLastLineWins() throws SQLException {
        assertThat(query("SELECT source_record_id, email FROM source_record WHERE source = ? ORDER BY 1", "duplicate_ids"))
                .containsExactly(List.of("D1", "new@example.com"), List.of("D2", "bo@example.com"));
        assertThat(query("SELECT COUNT(*) FROM master_xref WHERE source = ?", "duplicate_ids"))
                .containsExactly(List.of(2L));
    }

    private static List<List<Object>> query(String sql, String parameter) throws SQLException {
        String url = new ConfigLoader(name -> null).load(home.resolve("conf"), home.resolve("var")).database().url();
        List<List<Object>> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
