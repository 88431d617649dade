package com.custmaster.analytics;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Small figures of one customer-value run, for the run summary (HTML and JSON report).
 *
 * <p>Why a separate record: the report must not need Spark to read them, and they are computed
 * once while the job's data is cached.
 *
 * @param snapshotDate the as-of date of the run
 * @param customersScored rows in {@code customer_value} (distinct customers given to the job)
 * @param customersWithPurchases customers with at least one purchase occasion (buyers)
 * @param revenue net revenue: sum of all counted amounts up to the as-of date, returns included
 * @param chosenK number of K-means segments; 1 when no candidate k qualified, 0 without buyers
 * @param silhouette silhouette of the chosen k on the selection sample; null when k was not chosen
 *     by silhouette (one segment or no buyers)
 * @param kCandidates every k tried, in order
 */
public record CustomerValueSummary(
        LocalDate snapshotDate,
        long customersScored,
        long customersWithPurchases,
        BigDecimal revenue,
        int chosenK,
        Double silhouette,
        List<KCandidate> kCandidates) {

    public CustomerValueSummary {
        requireNonNull(snapshotDate, "snapshotDate is null");
        requireNonNull(revenue, "revenue is null");
        kCandidates = List.copyOf(requireNonNull(kCandidates, "kCandidates is null"));
        if (customersScored < 0 || customersWithPurchases < 0 || customersWithPurchases > customersScored) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Need 0 <= customersWithPurchases <= customersScored, got %d and %d",
                    customersWithPurchases, customersScored));
        }
        if (chosenK < 0) {
            throw new IllegalArgumentException("chosenK must not be negative, got " + chosenK);
        }
    }
}
