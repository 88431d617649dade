package com.custmaster.quality;

import static java.util.Objects.requireNonNull;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * What to evaluate: the input file with each record's id and its truth, and the clusters a matcher
 * wrote for it.
 *
 * @param input       the CSV file that was deduplicated; first row is the header
 * @param idColumn    the header name of the record id column
 * @param truthColumn the header name of the true entity column, or null when {@code truthFromId} is given
 * @param truthFromId a pattern whose first capture group, found in the id, is the entity
 *                    ({@code rec-(\d+)-} for Febrl's {@code rec-223-dup-0}), or null when {@code truthColumn} is given
 * @param clusters    {@code clusters.csv}: header {@code record_id,cluster_id}, comma-separated, UTF-8
 * @param delimiter   the input's delimiter
 * @param encoding    the input's character encoding
 */
public record EvaluationRequest(Path input, String idColumn, String truthColumn, Pattern truthFromId, Path clusters,
        char delimiter, Charset encoding) {

    public EvaluationRequest {
        requireNonNull(input, "input is null");
        requireNonNull(idColumn, "idColumn is null");
        requireNonNull(clusters, "clusters is null");
        requireNonNull(encoding, "encoding is null");
        if ((truthColumn == null) == (truthFromId == null)) {
            throw new IllegalArgumentException("give the truth either as a column or as a pattern over the id, not "
                    + (truthColumn == null ? "neither" : "both"));
        }
        if (truthFromId != null && truthFromId.matcher("").groupCount() < 1) {
            throw new IllegalArgumentException("the pattern '" + truthFromId.pattern()
                    + "' has no capture group; put the entity part in parentheses, as in rec-(\\d+)-");
        }
    }
}
