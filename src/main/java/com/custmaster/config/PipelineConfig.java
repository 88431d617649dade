package com.custmaster.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything one nightly run needs to know, loaded and validated from {@code conf/} before any
 * data is read (see {@link ConfigLoader}).
 *
 * @param home folder relative paths in the configuration resolve against (conf's parent)
 * @param varDir where the run keeps its database, lake, rejects and reports
 * @param lakeUri root of the Parquet lake: a local path or any Hadoop file system URI
 * @param chunkSize records per transaction in the ingest steps
 */
public record PipelineConfig(
        Path home,
        Path confDir,
        Path varDir,
        String lakeUri,
        DatabaseSettings database,
        int chunkSize,
        List<SourceConfig> sources,
        MatchingConfig matching,
        TransactionsConfig transactions,
        AnalyticsSettings analytics,
        SurvivorshipConfig survivorship,
        java.util.Optional<PseudonymKey> pseudonymKey) {

    public PipelineConfig {
        requireNonNull(pseudonymKey, "pseudonymKey is null (Optional.empty() when outputs are not pseudonymised)");
        requireNonNull(home, "home is null");
        requireNonNull(survivorship, "survivorship is null");
        requireNonNull(confDir, "confDir is null");
        requireNonNull(varDir, "varDir is null");
        requireNonNull(lakeUri, "lakeUri is null");
        requireNonNull(database, "database is null");
        requireNonNull(sources, "sources is null");
        requireNonNull(matching, "matching is null");
        requireNonNull(transactions, "transactions is null");
        requireNonNull(analytics, "analytics is null");
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be >= 1: " + chunkSize);
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no sources configured");
        }
        sources = List.copyOf(sources);
    }

    public SourceConfig source(String name) {
        return sources.stream().filter(source -> source.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown source: " + name));
    }
}
