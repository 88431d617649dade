package com.custmaster.config;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Set;

/**
 * The orders feed the customer-value stage reads: a delimited file whose rows refer to a source's
 * customer record, mapped to master IDs through the crosswalk.
 *
 * @param location path (or any Hadoop file system URI) of the file or folder
 * @param columns canonical transaction column to the file's column: order_id, source, customer_ref,
 *                order_ts, amount
 * @param timestampFormat pattern of order_ts (Spark datetime pattern)
 */
public record TransactionsConfig(String location, String encoding, String delimiter, Map<String, String> columns,
                                 String timestampFormat) {

    public static final Set<String> REQUIRED_COLUMNS = Set.of("order_id", "source", "customer_ref", "order_ts", "amount");

    public TransactionsConfig {
        requireNonNull(location, "location is null");
        requireNonNull(encoding, "encoding is null");
        requireNonNull(delimiter, "delimiter is null");
        requireNonNull(columns, "columns is null");
        requireNonNull(timestampFormat, "timestampFormat is null");
        for (String required : REQUIRED_COLUMNS) {
            if (!columns.containsKey(required)) {
                throw new IllegalArgumentException("transactions column mapping lacks " + required);
            }
        }
        columns = Map.copyOf(columns);
    }
}
