package com.custmaster.config;

import static java.util.Objects.requireNonNull;

/**
 * Connection and query of a JDBC source. Credentials are never in the file: only the names of the
 * environment variables that hold them.
 *
 * @param table table to read (mutually exclusive with query)
 * @param query read-only SELECT to run instead of a table
 * @param userEnv environment variable holding the user name, or null
 * @param passwordEnv environment variable holding the password, or null
 */
public record JdbcSettings(String url, String table, String query, String userEnv, String passwordEnv) {

    public JdbcSettings {
        requireNonNull(url, "url is null");
        if ((table == null) == (query == null)) {
            throw new IllegalArgumentException("exactly one of table and query must be set");
        }
    }

    public String user() {
        return userEnv == null ? null : System.getenv(userEnv);
    }

    public String password() {
        return passwordEnv == null ? null : System.getenv(passwordEnv);
    }
}
