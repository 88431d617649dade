package com.custmaster.ingest;

import com.custmaster.config.ConfigException;
import com.custmaster.config.SourceConfig;
import com.custmaster.domain.RawRecord;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads delimited files (one path or a glob) with a header row. A row with the wrong number of
 * columns, or broken quoting, comes out as a malformed record with its line number; the reader
 * goes on with the next row (after broken quoting, nothing of that file can be trusted, so the
 * rest of that file is one malformed record).
 */
final class CsvSourceReader extends FileSourceReader {

    private Reader reader;
    private CSVParser parser;
    private Iterator<CSVRecord> records;
    private List<String> header;
    private String origin;
    private long lastLine;

    CsvSourceReader(SourceConfig source) {
        super(source);
    }

    @Override
    protected void openFile(Path file) throws Exception {
        if (!source.header()) {
            throw new ConfigException(source.configFile() + ": source '" + source.name()
                    + "': key 'header': files without a header row are not supported yet");
        }
        origin = file.toString();
        reader = SourceFiles.open(file, source, bytesCounter());
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(source.delimiter())
                .setQuote(source.quote())
                .setIgnoreEmptyLines(true)
                .get();
        parser = CSVParser.parse(reader, format);
        records = parser.iterator();
        lastLine = 0;
        header = null;
        if (records.hasNext()) {
            CSVRecord headerRecord = records.next();
            lastLine = parser.getCurrentLineNumber();
            header = new ArrayList<>();
            for (String name : headerRecord) {
                header.add(name.trim());
            }
            checkMappedColumns(source, header, "the header of " + file);
        }
    }

    @Override
    protected RawRecord readFromFile() throws Exception {
        if (records == null || header == null) {
            return null;
        }
        long start = lastLine + 1;
        CSVRecord record;
        try {
            if (!records.hasNext()) {
                return null;
            }
            record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            records = null;
            return RawRecord.malformed(source.name(), origin, start,
                    "unreadable from here to the end of the file: " + rootMessage(e), null);
        }
        lastLine = parser.getCurrentLineNumber();
        if (record.size() != header.size()) {
            return RawRecord.malformed(source.name(), origin, start, "expected " + header.size()
                    + " columns, found " + record.size(), String.join(String.valueOf(source.delimiter()), record.values()));
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            values.put(header.get(i), record.get(i));
        }
        return RawRecord.parsed(source.name(), origin, start, values);
    }

    @Override
    protected void closeFile() throws Exception {
        records = null;
        if (parser != null) {
            parser.close();
            parser = null;
        }
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
