package com.custmaster.quality;

import static java.util.Objects.requireNonNull;

import com.custmaster.domain.TextFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an input file with its truth and the {@code clusters.csv} a matcher wrote for it, joins them
 * by record id and computes {@link ClusterMetrics}. Header names and values are trimmed, so files
 * padded with a space after each comma (as Febrl's are) read as they are meant.
 *
 * <p>Every record of the input must have a cluster and a truth: a clustering that leaves records out
 * cannot be scored fairly, so that is an {@link EvaluationException} naming the file, line and column,
 * not a silently smaller sample. Rows of the clusters file for records not in the input are counted
 * and otherwise ignored.
 */
public final class ClusteringEvaluator {

    /** The columns of clusters.csv. */
    public static final String RECORD_ID = "record_id";
    public static final String CLUSTER_ID = "cluster_id";

    private ClusteringEvaluator() {
    }

    public static Evaluation evaluate(EvaluationRequest request) throws EvaluationException, IOException {
        requireNonNull(request, "request is null");
        Map<String, String> clusterOf = readClusters(request.clusters());
        ClusterMetrics.Accumulator accumulator = new ClusterMetrics.Accumulator();
        Map<String, Long> lineOf = new HashMap<>();
        try (CsvFile file = CsvFile.open(request.input(), request.delimiter(), request.encoding())) {
            int idIndex = file.column(request.idColumn(), "--id");
            int truthIndex = request.truthColumn() == null ? -1 : file.column(request.truthColumn(), "--truth");
            CsvFile.Row row;
            while ((row = file.next()) != null) {
                String id = row.cell(idIndex);
                if (id.isEmpty()) {
                    throw file.error(row, request.idColumn(), "the record id is empty");
                }
                Long earlier = lineOf.putIfAbsent(id, row.line());
                if (earlier != null) {
                    throw file.error(row, request.idColumn(), "record id '" + id + "' is there already on line " + earlier);
                }
                String truth;
                if (truthIndex >= 0) {
                    truth = row.cell(truthIndex);
                    if (truth.isEmpty()) {
                        throw file.error(row, request.truthColumn(), "the truth is empty for record '" + id + "'");
                    }
                } else {
                    Matcher matcher = request.truthFromId().matcher(id);
                    truth = matcher.find() ? matcher.group(1) : null;
                    if (truth == null || truth.isEmpty()) {
                        throw file.error(row, request.idColumn(), "record id '" + id + "' does not match --truth-from-id '"
                                + request.truthFromId().pattern() + "' (its first group must find the entity)");
                    }
                }
                String cluster = clusterOf.get(id);
                if (cluster == null) {
                    throw file.error(row, request.idColumn(), "record '" + id + "' is not in " + request.clusters()
                            + " (every record of the input needs a cluster; a singleton is a cluster of its own)");
                }
                accumulator.add(cluster, truth);
            }
        }
        return new Evaluation(accumulator.result(), clusterOf.size() - accumulator.size());
    }

    private static Map<String, String> readClusters(Path clusters) throws EvaluationException, IOException {
        Map<String, String> clusterOf = new HashMap<>();
        try (CsvFile file = CsvFile.open(clusters, ',', StandardCharsets.UTF_8)) {
            int recordIndex = file.column(RECORD_ID, null);
            int clusterIndex = file.column(CLUSTER_ID, null);
            CsvFile.Row row;
            while ((row = file.next()) != null) {
                String record = row.cell(recordIndex);
                String cluster = row.cell(clusterIndex);
                if (record.isEmpty()) {
                    throw file.error(row, RECORD_ID, "the record id is empty");
                }
                if (cluster.isEmpty()) {
                    throw file.error(row, CLUSTER_ID, "the cluster id is empty for record '" + record + "'");
                }
                if (clusterOf.putIfAbsent(record, cluster) != null) {
                    throw file.error(row, RECORD_ID, "record '" + record + "' has a cluster already");
                }
            }
        }
        return clusterOf;
    }

    /** A CSV file read row by row with its header, knowing the line each row starts on. */
    private static final class CsvFile implements AutoCloseable {

        record Row(long line, CSVRecord record) {

            String cell(int index) {
                return index < record.size() ? record.get(index) : "";
            }
        }

        private final Path path;
        private final Charset encoding;
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private final List<String> header = new ArrayList<>();

        private CsvFile(Path path, Charset encoding, CSVParser parser) {
            this.path = path;
            this.encoding = encoding;
            this.parser = parser;
            this.records = parser.iterator();
        }

        static CsvFile open(Path path, char delimiter, Charset encoding)
                throws EvaluationException, IOException {
            Reader reader;
            try {
                reader = TextFiles.open(path, encoding);
            } catch (NoSuchFileException e) {
                throw new EvaluationException(path + ": no such file");
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new EvaluationException(TextFiles.notInEncoding(path, encoding));
            }
            CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreSurroundingSpaces(true)
                    .setTrim(true).setIgnoreEmptyLines(false).get();
            CsvFile file = new CsvFile(path, encoding, CSVParser.builder().setReader(reader).setFormat(format).get());
            Row first = file.next();
            if (first == null) {
                file.close();
                throw new EvaluationException(path + ": the file is empty; its first line must be the header");
            }
            for (String name : first.record()) {
                file.header.add(name.strip());
            }
            return file;
        }

        /** The index of a header name; {@code option} is the option that named it, for the message. */
        int column(String name, String option) throws EvaluationException {
            int index = header.indexOf(name.strip());
            if (index < 0) {
                throw new EvaluationException(path + ":1: no column '" + name + "'"
                        + (option == null ? "" : " (given by " + option + ")") + "; the header has " + header);
            }
            return index;
        }

        /** The next row that is not a blank line, or null at the end. */
        Row next() throws EvaluationException {
            try {
                while (true) {
                    long line = parser.getCurrentLineNumber() + 1;
                    if (!records.hasNext()) {
                        return null;
                    }
                    CSVRecord record = records.next();
                    if (record.size() == 1 && record.get(0).isEmpty()) {
                        continue;
                    }
                    return new Row(line, record);
                }
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
                    throw new EvaluationException(TextFiles.notInEncoding(path, encoding), e);
                }
                throw new EvaluationException(path + ":" + (parser.getCurrentLineNumber() + 1) + ": cannot read it as CSV: "
                        + e.getCause().getMessage(), e);
            }
        }

        EvaluationException error(Row row, String column, String message) {
            return new EvaluationException(path + ":" + row.line() + ": column '" + column + "': " + message);
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }
}
