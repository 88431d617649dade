package com.custmaster.ingest;

import com.custmaster.config.SourceConfig;

/**
 * Creates the reader for a source from its declared type. Every reader counts items, so Spring
 * Batch can restart a failed ingest step at the last committed record.
 */
public final class SourceReaders {

    private SourceReaders() {
    }

    public static CountingSourceReader create(SourceConfig source) {
        CountingSourceReader reader = switch (source.type()) {
            case CSV -> new CsvSourceReader(source);
            case JSONL -> new JsonLinesSourceReader(source);
            case JDBC -> new JdbcSourceReader(source);
        };
        reader.setName("source-" + source.name());
        return reader;
    }
}
