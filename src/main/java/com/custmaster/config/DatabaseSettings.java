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

    /**
     * The URL to connect with. An H2 file database gets {@code WRITE_DELAY=0} (unless the URL sets
     * it): H2 otherwise writes commits to its file from a background thread, and a run killed with
     * SIGKILL was seen to come back without steps committed minutes before the kill, so that
     * finished steps ran again. With it, a commit is on disk when it returns (NightlyKillIT).
     */
    public String connectionUrl() {
        if (url.startsWith("jdbc:h2:file:") && !url.toUpperCase(java.util.Locale.ROOT).contains(";WRITE_DELAY=")) {
            return url + ";WRITE_DELAY=0";
        }
        return url;
    }

    /** The URL with any password-like parameter hidden, for logs. */
    public String safeUrl() {
        return com.custmaster.domain.Masking.jdbcUrl(url);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + safeUrl() + ", user=" + user + "]";
    }
}
