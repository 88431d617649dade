package com.custmaster.config;

import java.util.Locale;

/** The kinds of source the ingest stage can read. */
public enum SourceType {
    CSV, JSONL, JDBC;

    public static SourceType parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
