package com.custmaster.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.custmaster.config.ConfigException;
import com.custmaster.config.FieldMapping;
import com.custmaster.config.Incremental;
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

    @Test
    void csvReaderDecodesLatin1() throws Exception {
        Path file = temp.resolve("latin1.csv");
        Files.write(file, "id,name\n1,Zo\u00eb M\u00fcller\n".getBytes(StandardCharsets.ISO_8859_1));

        List<RawRecord> records = readAll(SourceReaders.create(source(SourceType.CSV, file.toString(),
                StandardCharsets.ISO_8859_1, "id", null)));

        assertThat(records.get(0).values()).containsEntry("name", "Zo\u00eb M\u00fcller");
    }

    @Test
    void bytesInvalidInTheDeclaredEncodingAreMarkedNotDropped() throws Exception {
        Path file = temp.resolve("broken.csv");
        byte[] header = "id,name\n1,".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xC3, (byte) 0x28};
        byte[] rest = "x\n2,ok\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[header.length + bad.length + rest.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(bad, 0, all, header.length, bad.length);
        System.arraycopy(rest, 0, all, header.length + bad.length, rest.length);
        Files.write(file, all);

        List<RawRecord> records = readAll(SourceReaders.create(source(SourceType.CSV, file.toString(),
                StandardCharsets.UTF_8, "id", null)));

        assertThat(records).hasSize(2);
        assertThat(records.get(0).values().get("name")).contains("\uFFFD");
        assertThat(records.get(1).values()).containsEntry("name", "ok");
    }

    @Test
    void anIncrementalFileSourcePassesOverRowsAtOrBelowTheWatermark() throws Exception {
        Path file = temp.resolve("changes.csv");
        Files.writeString(file, "id,name,changed\n1,Ann,2026-01-01 00:00:00\n2,Bob,2026-02-01 00:00:00\n"
                + "3,Cid,\n4,Dee,2026-03-01 00:00:00\n", StandardCharsets.UTF_8);
        SourceConfig incremental = new SourceConfig("test", temp.resolve("t.yml"), SourceType.CSV, file.toString(),
                StandardCharsets.UTF_8, ',', '"', true, "id", 1, "CN", null,
                Map.of(CanonicalField.FULL_NAME, new FieldMapping.Column("name", null)), null, 0.1,
                new Incremental("changed", Incremental.Type.TIMESTAMP, "yyyy-MM-dd HH:mm:ss"));
        CountingSourceReader reader = SourceReaders.create(incremental);
        reader.setLowerBound(java.time.LocalDateTime.of(2026, 2, 1, 0, 0));

        List<RawRecord> records = readAll(reader);

        // a row without a watermark value is read: it cannot be known to be unchanged
        assertThat(records).extracting(record -> record.values().get("id")).containsExactly("3", "4");
        assertThat(reader.recordsUnchanged()).isEqualTo(2);
        assertThat(reader.recordsRead()).isEqualTo(2);
    }

    @Test
    void anIncrementalJdbcSourceQueriesOnlyRowsAboveTheWatermarkInWatermarkOrder() throws Exception {
        String url = "jdbc:h2:mem:incremental_test;DB_CLOSE_DELAY=-1";
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE people (ID VARCHAR(10) PRIMARY KEY, NAME VARCHAR(50), SEQ BIGINT)");
            statement.execute("INSERT INTO people VALUES ('a', 'Ann', 30), ('b', 'Bob', 10), ('c', 'Cid', 20)");
        }
        SourceConfig jdbc = new SourceConfig("test", temp.resolve("t.yml"), SourceType.JDBC, null, StandardCharsets.UTF_8,
                ',', '"', true, "ID", 1, "CN", null, Map.of(CanonicalField.FULL_NAME, new FieldMapping.Column("NAME", null)),
                new JdbcSettings(url, "people", null, null, null), 0.1, new Incremental("SEQ", Incremental.Type.NUMBER, null));
        CountingSourceReader reader = SourceReaders.create(jdbc);
        reader.setLowerBound(new java.math.BigDecimal("10"));

        List<RawRecord> records = readAll(reader);

        assertThat(records).extracting(record -> record.values().get("ID")).containsExactly("c", "a");
    }

    @Test
    void splitTakesOnePartOfAColumn() {
        RawRecord record = RawRecord.parsed("test", "f", 1, Map.of("name", "Smith, John"));

        assertThat(new FieldMapping.Split("name", ",", 0, null).extract(record)).contains("Smith");
        assertThat(new FieldMapping.Split("name", ",", -1, null).extract(record)).contains("John");
        assertThat(new FieldMapping.Split("name", ",", 2, null).extract(record)).isEmpty();
    }

    @Test
    void brokenQuotingMakesTheRestOfTheFileOneMalformedRecordWithItsLine() throws Exception {
        Path file = temp.resolve("quotes.csv");
        Files.writeString(file, "id,name\n1,Ann\n2,\"Bob\n3,Cid\n", StandardCharsets.UTF_8);
        CountingSourceReader reader = SourceReaders.create(source(SourceType.CSV, file.toString(), StandardCharsets.UTF_8,
                "id", null));

        List<RawRecord> records = readAll(reader);

        assertThat(records).hasSize(2);
        assertThat(records.get(0).value("name")).contains("Ann");
        assertThat(records.get(1).isMalformed()).isTrue();
        assertThat(records.get(1).position()).isEqualTo(3);
        assertThat(records.get(1).malformedReason()).contains("unreadable from here to the end of the file");
    }

    @Test
    void csvReaderDecodesGb18030() throws Exception {
        Path file = temp.resolve("gb18030.csv");
        Files.write(file, "id,name\n1,欧阳修\n".getBytes(java.nio.charset.Charset.forName("GB18030")));

        List<RawRecord> records = readAll(SourceReaders.create(source(SourceType.CSV, file.toString(),
                java.nio.charset.Charset.forName("GB18030"), "id", null)));

        assertThat(records.get(0).values()).containsEntry("name", "欧阳修");
    }
}
