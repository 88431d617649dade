package com.custmaster.config;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Settings of the customer-value stage (RFM, value bands, K-means segments, churn rule).
 *
 * <p>Why a record: the analytics job must be configured, not coded, and a bad value (a cut-off
 * outside (0,1], an empty segment map) should stop the run before a SparkSession exists, with a
 * message naming the value. The compact constructor is that check; {@link #defaults()} is the
 * documented starting point that {@code conf/analytics.yml} overrides.
 *
 * <h2>Value bands</h2>
 * Buyers are sorted by monetary value (net spend) descending, then by {@code master_id}. A buyer
 * whose cumulative share of revenue <em>before</em> adding them is below {@link #keyCutoff()} is
 * {@code key}; else below {@link #importantCutoff()} {@code important}; else below
 * {@link #normalCutoff()} {@code normal}; else {@code small}. Cut-offs must satisfy
 * {@code 0 < key < important < normal <= 1}.
 *
 * <h2>K-means</h2>
 * k is chosen in {@code [kMin, kMax]} by silhouette on a seeded sample of about
 * {@link #sampleSize()} buyers; a candidate whose smallest cluster holds less than
 * {@link #minClusterShare()} of the sampled customers is not eligible. The chosen k's centres,
 * fitted on that sample with {@link #seed()}, then assign every buyer to the nearest.
 *
 * <h2>Churn rule</h2>
 * A buyer is {@code churned} when {@code recency_days > max(inactiveFloorDays, gapMultiple x own
 * mean gap between purchase days)} (one-purchase customers: the floor alone), {@code at_risk} when
 * {@code recency_days > atRiskFraction x} that threshold, otherwise {@code active}.
 *
 * <h2>RFM segment map</h2>
 * An ordered list of rectangles over the R and F scores (1..5, 5 best); the first rule that
 * contains a cell names it. The map must name every one of the 25 cells and every rule must win
 * at least one cell. The default map ({@link #defaultRfmSegments()}):
 *
 * <pre>
 * order  segment              R     F
 *   1    champions            4-5   4-5
 *   2    loyal_customers      3-5   3-5   (after champions: R3 F3-5, R4-5 F3)
 *   3    potential_loyalists  4-5   2
 *   4    new_customers        5     1
 *   5    promising            4     1
 *   6    need_attention       3     2
 *   7    about_to_sleep       3     1
 *   8    cant_lose            1-2   5
 *   9    at_risk              1-2   3-4
 *  10    hibernating          1-2   1-2
 * </pre>
 *
 * which gives this grid (rows R, columns F):
 *
 * <pre>
 *      F1              F2                   F3               F4               F5
 * R5   new_customers   potential_loyalists  loyal_customers  champions        champions
 * R4   promising       potential_loyalists  loyal_customers  champions        champions
 * R3   about_to_sleep  need_attention       loyal_customers  loyal_customers  loyal_customers
 * R2   hibernating     hibernating          at_risk          at_risk          cant_lose
 * R1   hibernating     hibernating          at_risk          at_risk          cant_lose
 * </pre>
 *
 * @param keyCutoff cumulative revenue share below which a buyer is {@code key} (default 0.50)
 * @param importantCutoff ... {@code important} (default 0.80)
 * @param normalCutoff ... {@code normal}; the rest is {@code small} (default 0.95)
 * @param kMin smallest k tried, at least 2 (default 2)
 * @param kMax largest k tried (default 6)
 * @param seed seed for sampling and K-means (default 42)
 * @param minClusterShare smallest share of customers a cluster must hold for its k to be eligible,
 *     in {@code [0, 1/kMin)} (default 0.02)
 * @param sampleSize about how many buyers k is chosen on, at least 10 x kMax (default 50,000)
 * @param inactiveFloorDays churn threshold floor in days (default 180)
 * @param gapMultiple churn threshold as a multiple of the customer's mean purchase gap (default 3.0)
 * @param atRiskFraction share of the churn threshold after which a buyer is at risk, in (0,1)
 *     (default 0.5)
 * @param annualDiscountRate the yearly rate at which the 12-month expected value discounts future
 *     purchases (BG/NBD with Gamma-Gamma), in [0, 1) (default 0.10)
 * @param rfmSegments ordered RFM segment rules, first match wins
 */
public record AnalyticsSettings(
        double keyCutoff,
        double importantCutoff,
        double normalCutoff,
        int kMin,
        int kMax,
        long seed,
        double minClusterShare,
        int sampleSize,
        int inactiveFloorDays,
        double gapMultiple,
        double atRiskFraction,
        double annualDiscountRate,
        List<RfmSegmentRule> rfmSegments) {

    /** Lowest RFM score. */
    public static final int MIN_SCORE = 1;
    /** Highest RFM score (quintiles). */
    public static final int MAX_SCORE = 5;
    /** Largest k accepted; more segments than this cannot be read by a person anyway. */
    public static final int K_MAX_LIMIT = 20;

    public static final double KEY_CUTOFF_DEFAULT = 0.50;
    public static final double IMPORTANT_CUTOFF_DEFAULT = 0.80;
    public static final double NORMAL_CUTOFF_DEFAULT = 0.95;
    public static final int K_MIN_DEFAULT = 2;
    public static final int K_MAX_DEFAULT = 6;
    public static final long SEED_DEFAULT = 42L;
    public static final double MIN_CLUSTER_SHARE_DEFAULT = 0.02;
    public static final int SAMPLE_SIZE_DEFAULT = 50_000;
    public static final int INACTIVE_FLOOR_DAYS_DEFAULT = 180;
    public static final double GAP_MULTIPLE_DEFAULT = 3.0;
    public static final double AT_RISK_FRACTION_DEFAULT = 0.5;
    public static final double ANNUAL_DISCOUNT_RATE_DEFAULT = 0.10;

    public AnalyticsSettings {
        requireNonNull(rfmSegments, "rfmSegments is null");
        checkShare("keyCutoff", keyCutoff);
        checkShare("importantCutoff", importantCutoff);
        checkShare("normalCutoff", normalCutoff);
        if (!(keyCutoff < importantCutoff && importantCutoff < normalCutoff)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Value band cut-offs must be strictly increasing (key < important < normal), got %s, %s, %s",
                    keyCutoff, importantCutoff, normalCutoff));
        }
        if (kMin < 2) {
            throw new IllegalArgumentException("kMin must be at least 2, got " + kMin);
        }
        if (kMax < kMin || kMax > K_MAX_LIMIT) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "kMax must be in [kMin=%d, %d], got %d", kMin, K_MAX_LIMIT, kMax));
        }
        if (!(minClusterShare >= 0.0 && minClusterShare < 1.0 / kMin)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "minClusterShare must be in [0, 1/kMin=%s) or no k could ever be eligible, got %s",
                    1.0 / kMin, minClusterShare));
        }
        if (sampleSize < 10 * kMax) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "sampleSize must be at least 10 x kMax = %d to judge kMax clusters, got %d",
                    10 * kMax, sampleSize));
        }
        if (inactiveFloorDays < 1) {
            throw new IllegalArgumentException("inactiveFloorDays must be at least 1, got " + inactiveFloorDays);
        }
        if (!(gapMultiple > 0.0 && Double.isFinite(gapMultiple))) {
            throw new IllegalArgumentException("gapMultiple must be a positive finite number, got " + gapMultiple);
        }
        if (!(atRiskFraction > 0.0 && atRiskFraction < 1.0)) {
            throw new IllegalArgumentException("atRiskFraction must be in (0, 1), got " + atRiskFraction);
        }
        if (!(annualDiscountRate >= 0.0 && annualDiscountRate < 1.0)) {
            throw new IllegalArgumentException("annualDiscountRate must be in [0, 1), got " + annualDiscountRate);
        }
        rfmSegments = List.copyOf(rfmSegments);
        checkSegmentMap(rfmSegments);
    }

    /** The documented defaults (see the class comment). */
    public static AnalyticsSettings defaults() {
        return new AnalyticsSettings(
                KEY_CUTOFF_DEFAULT, IMPORTANT_CUTOFF_DEFAULT, NORMAL_CUTOFF_DEFAULT,
                K_MIN_DEFAULT, K_MAX_DEFAULT, SEED_DEFAULT, MIN_CLUSTER_SHARE_DEFAULT, SAMPLE_SIZE_DEFAULT,
                INACTIVE_FLOOR_DAYS_DEFAULT, GAP_MULTIPLE_DEFAULT, AT_RISK_FRACTION_DEFAULT,
                ANNUAL_DISCOUNT_RATE_DEFAULT, defaultRfmSegments());
    }

    /** The common 10-segment R/F map, in first-match order (grid in the class comment). */
    public static List<RfmSegmentRule> defaultRfmSegments() {
        return List.of(
                new RfmSegmentRule("champions", 4, 5, 4, 5),
                new RfmSegmentRule("loyal_customers", 3, 5, 3, 5),
                new RfmSegmentRule("potential_loyalists", 4, 5, 2, 2),
                new RfmSegmentRule("new_customers", 5, 5, 1, 1),
                new RfmSegmentRule("promising", 4, 4, 1, 1),
                new RfmSegmentRule("need_attention", 3, 3, 2, 2),
                new RfmSegmentRule("about_to_sleep", 3, 3, 1, 1),
                new RfmSegmentRule("cant_lose", 1, 2, 5, 5),
                new RfmSegmentRule("at_risk", 1, 2, 3, 4),
                new RfmSegmentRule("hibernating", 1, 2, 1, 2));
    }

    /** Returns a copy with another K-means range; handy for tests and ad-hoc runs. */
    public AnalyticsSettings withKRange(int newKMin, int newKMax) {
        return new AnalyticsSettings(keyCutoff, importantCutoff, normalCutoff, newKMin, newKMax, seed,
                minClusterShare, sampleSize, inactiveFloorDays, gapMultiple, atRiskFraction, annualDiscountRate, rfmSegments);
    }

    /** Returns a copy with another sample size for choosing k. */
    public AnalyticsSettings withSampleSize(int newSampleSize) {
        return new AnalyticsSettings(keyCutoff, importantCutoff, normalCutoff, kMin, kMax, seed,
                minClusterShare, newSampleSize, inactiveFloorDays, gapMultiple, atRiskFraction, annualDiscountRate,
                rfmSegments);
    }

    /**
     * The segment of one R/F cell under first match.
     *
     * @throws IllegalArgumentException if a score is outside 1..5
     */
    public String rfmSegmentFor(int rScore, int fScore) {
        checkScore("rScore", rScore);
        checkScore("fScore", fScore);
        for (RfmSegmentRule rule : rfmSegments) {
            if (rule.contains(rScore, fScore)) {
                return rule.segment();
            }
        }
        // Unreachable: the constructor checked that every cell is named.
        throw new IllegalStateException("No RFM segment for R" + rScore + " F" + fScore);
    }

    private static void checkShare(String name, double value) {
        if (!(value > 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be in (0, 1], got " + value);
        }
    }

    private static void checkScore(String name, int value) {
        if (value < MIN_SCORE || value > MAX_SCORE) {
            throw new IllegalArgumentException(name + " must be in 1..5, got " + value);
        }
    }

    private static void checkSegmentMap(List<RfmSegmentRule> rules) {
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("rfmSegments is empty: it must name all 25 R/F cells");
        }
        boolean[] winsACell = new boolean[rules.size()];
        List<String> unnamed = new ArrayList<>();
        for (int r = MIN_SCORE; r <= MAX_SCORE; r++) {
            for (int f = MIN_SCORE; f <= MAX_SCORE; f++) {
                int winner = -1;
                for (int i = 0; i < rules.size() && winner < 0; i++) {
                    if (rules.get(i).contains(r, f)) {
                        winner = i;
                    }
                }
                if (winner < 0) {
                    unnamed.add("R" + r + " F" + f);
                } else {
                    winsACell[winner] = true;
                }
            }
        }
        if (!unnamed.isEmpty()) {
            throw new IllegalArgumentException("rfmSegments does not name the R/F cells " + unnamed
                    + ": add a rule (or a catch-all last rule) for them");
        }
        for (int i = 0; i < rules.size(); i++) {
            if (!winsACell[i]) {
                throw new IllegalArgumentException("rfmSegments rule " + (i + 1) + " (" + rules.get(i)
                        + ") never matches: every cell it covers is taken by an earlier rule");
            }
        }
    }

    /**
     * One rule of the RFM segment map: the segment of every cell with {@code rMin <= R <= rMax}
     * and {@code fMin <= F <= fMax}, unless an earlier rule already named the cell.
     *
     * <p>Why a rectangle list rather than a 25-cell table: it reads like the published RFM maps
     * ("champions: R 4-5, F 4-5") and is short to write in YAML.
     *
     * @param segment segment name written to {@code customer_value.rfm_segment}, e.g. {@code champions}
     * @param rMin lowest recency score, 1..5
     * @param rMax highest recency score, rMin..5
     * @param fMin lowest frequency score, 1..5
     * @param fMax highest frequency score, fMin..5
     */
    public record RfmSegmentRule(String segment, int rMin, int rMax, int fMin, int fMax) {

        public RfmSegmentRule {
            requireNonNull(segment, "segment is null");
            if (segment.isBlank()) {
                throw new IllegalArgumentException("segment is blank");
            }
            checkRange(segment, "R", rMin, rMax);
            checkRange(segment, "F", fMin, fMax);
        }

        /** Whether the cell (R, F) lies in this rule's rectangle. */
        public boolean contains(int rScore, int fScore) {
            return rScore >= rMin && rScore <= rMax && fScore >= fMin && fScore <= fMax;
        }

        private static void checkRange(String segment, String score, int min, int max) {
            if (min < MIN_SCORE || max > MAX_SCORE || min > max) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "RFM segment %s: %s range must satisfy 1 <= min <= max <= 5, got %d-%d",
                        segment, score, min, max));
            }
        }
    }
}
