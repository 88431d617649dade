package com.custmaster.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.custmaster.config.FieldMapping;
import com.custmaster.config.SourceConfig;
import com.custmaster.config.SourceType;
import com.custmaster.domain.CanonicalField;
import com.custmaster.domain.Contact;
import com.custmaster.domain.RawRecord;
import com.custmaster.domain.Rejection;
import com.custmaster.normalize.ContactNormalizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** Hostile values go through normalisation into the real schema and come back as data. */
class StagingStoreTest {

    private static final LocalDate RUN = LocalDate.of(2026, 11, 22);
    private static final SourceConfig SOURCE = new SourceConfig("crm", Path.of("crm.yml"), SourceType.CSV, "x.csv",
            StandardCharsets.UTF_8, ',', '"', true, "id", 1, "CN", "CN", Map.of(
                    CanonicalField.FULL_NAME, new FieldMapping.Column("name", null),
                    CanonicalField.ADDRESS_LINE, new FieldMapping.Column("street", null),
                    CanonicalField.COMPANY, new FieldMapping.Column("company", null)), null);

    @TempDir
    Path temp;

    private JdbcTemplate jdbc;
    private StagingStore store;

    @BeforeEach
    void migrate() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:staging_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        store = new StagingStore(jdbc);
    }

    @Test
    void idsRepeatedWithinASourceAreListedWithTheirLines() {
        ContactNormalizer normalizer = new ContactNormalizer(SOURCE, RUN);
        List<Contact> contacts = java.util.stream.IntStream.rangeClosed(2, 6).mapToObj(line -> (Contact) normalizer.normalize(
                RawRecord.parsed("crm", "x.csv", line, Map.of("id", line % 2 == 0 ? "C1" : "C" + line, "name", "Ann Lee",
                        "street", "", "company", "")))).toList();
        store.insertStaged(RUN, contacts, java.util.Collections.nCopies(contacts.size(), "x.csv"));

        assertThat(store.repeatedIds(RUN, "crm", 3)).containsExactly(Map.entry("C1", List.of(2L, 4L, 6L)));
        assertThat(store.repeatedIds(RUN, "other", 3)).isEmpty();
    }

    @Test
    void hostileValuesAreStoredAsData() {
        String megabyte = "x".repeat(1_000_000);
        RawRecord record = RawRecord.parsed("crm", "x.csv", 2, Map.of("id", "'; DROP TABLE staged_contact; --",
                "name", "😀 =HYPERLINK(\"http://evil\") Lee\u0007", "street", megabyte, "company", "Robert'); -- 😀"));

        Contact contact = (Contact) new ContactNormalizer(SOURCE, RUN).normalize(record);
        store.insertStaged(RUN, List.of(contact), List.of("x.csv"));

        var row = jdbc.queryForMap("SELECT * FROM staged_contact");
        assertThat(row.get("SOURCE_RECORD_ID")).isEqualTo("'; DROP TABLE staged_contact; --");
        // names keep letters only (punctuation and symbols are not part of a name); other fields keep everything
        assertThat((String) row.get("FULL_NAME")).contains("HYPERLINK").contains("Lee").doesNotContain("\u0007");
        assertThat((String) row.get("ADDRESS_LINE")).hasSize(Contact.STORAGE_LIMITS.get("address_line"));
        assertThat((String) row.get("QUALITY_FLAGS")).contains("truncated_address_line");
        assertThat(row.get("COMPANY")).isEqualTo("Robert'); -- 😀");
        assertThat(store.countStaged(RUN, "crm")).isEqualTo(1);
    }

    @Test
    void rejectsKeepTheirRawValueAndTheCsvIsSpreadsheetSafe() throws Exception {
        RawRecord record = RawRecord.parsed("crm", "x.csv", 9, Map.of("id", "=cmd|' /C calc'!A0"));
        Rejection rejection = (Rejection) new ContactNormalizer(SOURCE, RUN).normalize(record);
        store.insertRejected(RUN, List.of(rejection));

        Path csv = store.exportRejects(RUN, "crm", temp);

        assertThat(store.countRejected(RUN, "crm")).isEqualTo(1);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains(",'=cmd|' /C calc'!A0,").contains("no_identity");
    }

    @Test
    void aNulFromASourceIsStoredAsAReplacementCharacterWhichPostgresCanHold() {
        RawRecord staged = RawRecord.parsed("crm", "x.csv", 2, Map.of("id", "A\u00001", "name", "Ann Lee"));
        RawRecord rejected = RawRecord.parsed("crm", "x.csv", 3, Map.of("id", "=B\u00002"));

        store.insertStaged(RUN, List.of((Contact) new ContactNormalizer(SOURCE, RUN).normalize(staged)), List.of("x.csv"));
        store.insertRejected(RUN, List.of((Rejection) new ContactNormalizer(SOURCE, RUN).normalize(rejected)));

        assertThat(jdbc.queryForObject("SELECT source_record_id FROM staged_contact", String.class)).isEqualTo("A\uFFFD1");
        assertThat(jdbc.queryForObject("SELECT source_record_id FROM rejected_record", String.class)).isEqualTo("=B\uFFFD2");
    }

    @Test
    void discardingASourceRemovesItsRowsOfTheRunOnly() {
        RawRecord good = RawRecord.parsed("crm", "x.csv", 2, Map.of("id", "1", "name", "Ann Lee"));
        store.insertStaged(RUN, List.of((Contact) new ContactNormalizer(SOURCE, RUN).normalize(good)), List.of("x.csv"));
        store.insertStaged(RUN.minusDays(1), List.of((Contact) new ContactNormalizer(SOURCE, RUN).normalize(good)),
                List.of("x.csv"));

        store.discard(RUN, "crm");

        assertThat(store.countStaged(RUN, "crm")).isZero();
        assertThat(store.countStaged(RUN.minusDays(1), "crm")).isEqualTo(1);
    }

    @Test
    void countsThatDoNotAddUpFailTheCheck() {
        RawRecord good = RawRecord.parsed("crm", "x.csv", 2, Map.of("id", "1", "name", "Ann Lee"));
        store.insertStaged(RUN, List.of((Contact) new ContactNormalizer(SOURCE, RUN).normalize(good)), List.of("x.csv"));

        store.recordCounts(RUN, "crm", 1, 1, 0, 0, null);
        assertThat(store.verifyCounts(RUN, "crm")).isZero();

        store.recordCounts(RUN, "crm", 2, 1, 0, 0, null);
        assertThatThrownBy(() -> store.verifyCounts(RUN, "crm"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("source 'crm': records read (2) != staged (1) + rejected (0)");
        assertThatThrownBy(() -> store.verifyCounts(RUN, "shop")).hasMessageContaining("no counts recorded");
    }
}
