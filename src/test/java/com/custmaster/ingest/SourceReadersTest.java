package com.custmaster.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.custmaster.config.ConfigException;
import com.custmaster.config.FieldMapping;
import com.custmaster.config.JdbcSettings;
import com.custmaster.config.SourceConfig;
import com.custmaster.config.SourceType;
import com.custmaster.domain.CanonicalField;
import com.custmaster.domain.RawRecord;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class SourceReadersTest {

    @TempDir
    Path temp;

    private SourceConfig source(SourceType type, String location, Charset encoding, String id, JdbcSettings jdbc) {
        return new SourceConfig("test", temp.resolve("test.yml"), type, location, encoding, ',', '"', true, id, 1, "CN",
                null, Map.of(CanonicalField.FULL_NAME, new FieldMapping.Column("name", null)), jdbc);
    }

    private static List<RawRecord> readAll(CountingSourceReader reader) throws Exception {
        reader.open(new ExecutionContext());
        List<RawRecord> records = new ArrayList<>();
        RawRecord record;
        while ((record = reader.read()) != null) {
            records.add(record);
        }
        reader.close();
        return records;
    }

    @Test
    void csvReaderReportsAWrongColumnCountWithItsLineAndGoesOn() throws Exception {
        Path file = temp.resolve("contacts.csv");
        Files.writeString(file, "id,name\n1,Ann\n2,Bob,extra\n\"3\",\"Lee, Carl\"\n", StandardCharsets.UTF_8);
        CountingSourceReader reader = SourceReaders.create(source(SourceType.CSV, file.toString(), StandardCharsets.UTF_8,
                "id", null));

        List<RawRecord> records = readAll(reader);

        assertThat(records).hasSize(3);
        assertThat(records.get(0).value("name")).contains("Ann");
        assertThat(records.get(1).isMalformed()).isTrue();
        assertThat(records.get(1).position()).isEqualTo(3);
        assertThat(records.get(1).malformedReason()).contains("expected 2 columns, found 3");
        assertThat(records.get(2).value("name")).contains("Lee, Carl");
        assertThat(records.get(2).position()).isEqualTo(4);
        assertThat(reader.recordsRead()).isEqualTo(3);
    }

    @Test
    void csvReaderDecodesTheDeclaredEncodingAndSkipsAByteOrderMark() throws Exception {
        Path gbk = temp.resolve("gbk.csv");
        Files.write(gbk, "编号,name\nD1,张伟\n".getBytes(Charset.forName("GBK")));
        Path bom = temp.resolve("bom.csv");
        Files.writeString(bom, "\uFEFFid,name\n1,Zoë\n", StandardCharsets.UTF_8);

        SourceConfig gbkSource = new SourceConfig("test", temp.resolve("t.yml"), SourceType.CSV, gbk.toString(),
                Charset.forName("GBK"), ',', '"', true, "编号", 1, "CN", null,
                Map.of(CanonicalField.FULL_NAME, new FieldMapping.Column("name", null)), null);
        assertThat(readAll(SourceReaders.create(gbkSource)).get(0).values())
                .containsEntry("编号", "D1").containsEntry("name", "张伟");
        assertThat(readAll(SourceReaders.create(source(SourceType.CSV, bom.toString(), StandardCharsets.UTF_8, "id", null)))
                .get(0).values()).containsEntry("id", "1").containsEntry("name", "Zoë");
    }

    @Test
    void csvReaderRefusesAMappedColumnMissingFromTheHeader() throws Exception {
        Path file = temp.resolve("contacts.csv");
        Files.writeString(file, "id,fullname\n1,Ann\n", StandardCharsets.UTF_8);
        CountingSourceReader reader = SourceReaders.create(source(SourceType.CSV, file.toString(), StandardCharsets.UTF_8,
                "id", null));

        assertThatThrownBy(() -> readAll(reader))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("source 'test'")
                .hasMessageContaining("column 'name' is not in the header");
    }

    @Test
    void aMissingFileIsASourceUnavailableErrorNamingThePath() {
        CountingSourceReader reader = SourceReaders.create(source(SourceType.CSV, temp.resolve("nope.csv").toString(),
                StandardCharsets.UTF_8, "id", null));

        assertThatThrownBy(() -> reader.open(new ExecutionContext()))
                .hasRootCauseInstanceOf(SourceUnavailableException.class)
                .rootCause().hasMessageContaining("nope.csv");
    }

    @Test
    void jsonLinesReaderFlattensNestedObjectsAndReportsBadLinesByNumber() throws Exception {
        Path file = temp.resolve("calls.jsonl");
        Files.writeString(file, "{\"caller\":{\"id\":\"C1\",\"name\":\"Ann\"}}\n\n{not json\n{\"caller\":{\"id\":\"C2\"}}\n",
                StandardCharsets.UTF_8);

        List<RawRecord> records = readAll(SourceReaders.create(source(SourceType.JSONL, file.toString(),
                StandardCharsets.UTF_8, "caller.id", null)));

        assertThat(records).hasSize(3);
        assertThat(records.get(0).values()).containsEntry("caller.id", "C1").containsEntry("caller.name", "Ann");
        assertThat(records.get(1).isMalformed()).isTrue();
        assertThat(records.get(1).position()).isEqualTo(3);
        assertThat(records.get(2).position()).isEqualTo(4);
    }

    @Test
    void jdbcReaderReadsATableInIdOrder() throws Exception {
        String url = "jdbc:h2:mem:readers_test;DB_CLOSE_DELAY=-1";
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE people (ID VARCHAR(10) PRIMARY KEY, NAME VARCHAR(50), BORN DATE)");
            statement.execute("INSERT INTO people VALUES ('b', 'Bob', DATE '1980-01-02'), ('a', 'Ann', NULL)");
        }
        SourceConfig jdbc = new SourceConfig("test", temp.resolve("t.yml"), SourceType.JDBC, null, StandardCharsets.UTF_8,
                ',', '"', true, "ID", 1, "CN", null, Map.of(CanonicalField.FULL_NAME, new FieldMapping.Column("NAME", null),
                CanonicalField.BIRTH_DATE, new FieldMapping.Column("BORN", null)),
                new JdbcSettings(url, "people", null, null, null));

        List<RawRecord> records = readAll(SourceReaders.create(jdbc));

        assertThat(records).extracting(record -> record.values().get("ID")).containsExactly("a", "b");
        assertThat(records.get(1).values()).containsEntry("BORN", "1980-01-02");
        assertThat(records.get(1).position()).isEqualTo(2);
    }
}
