package com.custmaster.analytics;

import static com.custmaster.analytics.AnalyticsSchema.MASTER_ID;
import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Exact positions in a ranking of all buyers, found without sorting them.
 *
 * <p>Why: quintile scores and value bands depend on where a customer stands among all buyers
 * (ordered by a value, ties by master_id). A window over all buyers does that by moving every row
 * into one task and sorting it there, once per ranking; at a million customers the four rankings
 * took about half of the customer-value job. But a score or band only changes at a handful of
 * places in the order (four quintile boundaries, three band cut-offs), so it is enough to find
 * those places, the <em>cuts</em>, and compare each row with them: a plain projection, no shuffle.
 *
 * <p>How a cut is found, exactly: one aggregation counts (or sums the weights of) the members per
 * <em>bucket</em>, a value that never decreases along the order (the value itself for days and
 * purchase counts; a fine logarithmic bucket for money); the driver adds the buckets up and knows
 * in which bucket each target is reached; a second job brings only the rows of those few buckets to
 * the driver, which sorts them by value and master_id (as Spark compares strings: by UTF-8 bytes)
 * and finds the exact row. The driver holds a few thousand rows, or a whole group of customers who
 * tie on one value when that group straddles a cut (the customers with exactly one purchase, say).
 *
 * <p>A ranking's {@code key} is arranged so that ascending key, then ascending master_id, is the
 * ranking order (for "most recent first", the key is minus the recency).
 */
final class RankCuts {

    private static final String BUCKET = "_rank_bucket";
    private static final String KEY = "_rank_key";
    private static final String WEIGHT = "_rank_weight";

    private RankCuts() {
    }

    /**
     * One ranking.
     *
     * @param key ascending key then master_id is the order; a non-null number for every member
     * @param bucket a long that never decreases as the key increases (equal keys, equal buckets)
     * @param weight the measure the targets count in: null counts rows, else a non-null, strictly
     *     positive decimal on every member (the running sum must grow at every row)
     * @param member which rows take part
     */
    record Ranking(Column key, Column bucket, Column weight, Column member) {

        Ranking {
            requireNonNull(key, "key is null");
            requireNonNull(bucket, "bucket is null");
            requireNonNull(member, "member is null");
        }
    }

    /**
     * A place in the order: rows at or after it satisfy {@link #reached}. {@code all}: every row;
     * {@code masterId} null: every row whose key is greater than {@code key}; else every row whose
     * (key, master_id) is at or after (key, masterId). {@code key} null and not all: no row.
     */
    record Cut(boolean all, Object key, String masterId) {

        static final Cut ALL = new Cut(true, null, null);
        static final Cut NONE = new Cut(false, null, null);

        static Cut at(Object key, String masterId) {
            return new Cut(false, requireNonNull(key, "key is null"), requireNonNull(masterId, "masterId is null"));
        }

        static Cut after(Object key) {
            return new Cut(false, requireNonNull(key, "key is null"), null);
        }

        /** True on the rows at or after this cut (never null for a non-null key and master_id). */
        Column reached(Column rankingKey) {
            if (all) {
                return lit(true);
            }
            if (key == null) {
                return lit(false);
            }
            Column greater = rankingKey.gt(lit(key));
            return masterId == null
                    ? greater
                    : greater.or(rankingKey.equalTo(lit(key)).and(col(MASTER_ID).geq(lit(masterId))));
        }
    }

    /** The result for one ranking: the members' total measure and one cut per target, in target order. */
    record Result(BigDecimal total, List<Cut> cuts) {

        Result {
            requireNonNull(total, "total is null");
            cuts = List.copyOf(requireNonNull(cuts, "cuts is null"));
        }
    }

    /**
     * For each target t, the cut at the first member (in ranking order) whose exclusive running
     * measure (the sum over the members before it) is at least t. A target of 0 or less is
     * reached by every row; one beyond the last member's running measure by none.
     *
     * @param rows should be cached: it is read twice
     * @param targetsForTotal the targets, from the members' total measure (known only after the
     *     first job: a quintile boundary depends on the number of buyers, a band on the revenue)
     */
    static Result cuts(Dataset<Row> rows, Ranking ranking, Function<BigDecimal, List<BigDecimal>> targetsForTotal) {
        requireNonNull(rows, "rows is null");
        requireNonNull(ranking, "ranking is null");
        requireNonNull(targetsForTotal, "targetsForTotal is null");
        Dataset<Row> members = rows.where(ranking.member()).select(
                col(MASTER_ID),
                ranking.key().as(KEY),
                ranking.bucket().as(BUCKET),
                (ranking.weight() == null ? lit(1L) : ranking.weight()).as(WEIGHT));
        Column measure = ranking.weight() == null ? count(lit(1)) : sum(col(WEIGHT));
        TreeMap<Long, Bucket> buckets = new TreeMap<>();
        for (Row row : members.groupBy(col(BUCKET)).agg(measure, max(col(KEY))).collectAsList()) {
            buckets.put(row.getLong(0), new Bucket(decimal(row.get(1)), row.get(2)));
        }
        BigDecimal total = BigDecimal.ZERO;
        for (Bucket bucket : buckets.values()) {
            bucket.before = total;
            total = total.add(bucket.measure);
        }
        List<BigDecimal> targets = List.copyOf(targetsForTotal.apply(total));

        // The bucket each target falls in: the last one whose members start below the target.
        List<Long> straddled = new ArrayList<>();
        for (BigDecimal target : targets) {
            Long at = straddledBucket(buckets, target);
            if (at != null && !straddled.contains(at)) {
                straddled.add(at);
            }
        }
        Map<Long, List<Member>> inBuckets = new TreeMap<>();
        if (!straddled.isEmpty()) {
            for (Row row : members.where(col(BUCKET).isin(straddled.toArray())).collectAsList()) {
                inBuckets.computeIfAbsent(row.getLong(2), ignored -> new ArrayList<>())
                        .add(new Member(row.getString(0), row.get(1), decimal(row.get(3))));
            }
            Comparator<Member> order = Comparator.comparing(Member::sortKey)
                    .thenComparing((left, right) -> left.utf8Id().binaryCompare(right.utf8Id()));
            for (List<Member> list : inBuckets.values()) {
                list.sort(order);
            }
        }

        List<Cut> cuts = new ArrayList<>();
        for (BigDecimal target : targets) {
            Long at = straddledBucket(buckets, target);
            if (at == null) {
                cuts.add(buckets.isEmpty() ? Cut.NONE : Cut.ALL);
                continue;
            }
            Bucket bucket = buckets.get(at);
            BigDecimal before = bucket.before;
            Cut cut = null;
            for (Member member : inBuckets.getOrDefault(at, List.of())) {
                if (before.compareTo(target) >= 0) {
                    cut = Cut.at(member.key, member.masterId);
                    break;
                }
                before = before.add(member.weight);
            }
            // No member of this bucket reaches the target: the next bucket's first member does.
            cuts.add(cut != null ? cut : Cut.after(bucket.maxKey));
        }
        return new Result(total, cuts);
    }

    /** The last bucket whose first member's running measure is below the target; null if none. */
    private static Long straddledBucket(TreeMap<Long, Bucket> buckets, BigDecimal target) {
        Long found = null;
        for (Map.Entry<Long, Bucket> entry : buckets.entrySet()) {
            if (entry.getValue().before.compareTo(target) < 0) {
                found = entry.getKey();
            } else {
                break;
            }
        }
        return found;
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        throw new IllegalArgumentException("a ranking key or weight must be an integer or a decimal, got " + value);
    }

    private static final class Bucket {
        private final BigDecimal measure;
        private final Object maxKey;
        private BigDecimal before;

        private Bucket(BigDecimal measure, Object maxKey) {
            this.measure = measure;
            this.maxKey = maxKey;
        }
    }

    /** A member near a cut, with its key as a decimal and its ID as Spark compares it, for sorting. */
    private record Member(String masterId, Object key, BigDecimal weight, BigDecimal sortKey, UTF8String utf8Id) {

        Member(String masterId, Object key, BigDecimal weight) {
            this(masterId, key, weight, decimal(key), UTF8String.fromString(masterId));
        }
    }
}
