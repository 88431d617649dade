package com.custmaster.config;

import static java.util.Objects.requireNonNull;

/**
 * The operational database (Spring Batch metadata, staging, master). H2 file database by default;
 * PostgreSQL in production. User and password come from the environment, never from a file.
 */
public record DatabaseSettings(String url, String user, String password) {

    public DatabaseSettings {
        requireNonNull(url, "url is null");
        if (!url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("database url must start with jdbc: " + url);
        }
    }

    public boolean isH2() {
        return url.startsWith("jdbc:h2:");
    }

    /** The URL with any password-like parameter hidden, for logs. */
    public String safeUrl() {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + safeUrl() + ", user=" + user + "]";
    }
}
