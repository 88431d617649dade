package com.custmaster.analytics;

import static com.custmaster.analytics.AnalyticsSchema.AVG_FREQUENCY;
import static com.custmaster.analytics.AnalyticsSchema.AVG_MONETARY;
import static com.custmaster.analytics.AnalyticsSchema.AVG_RECENCY_DAYS;
import static com.custmaster.analytics.AnalyticsSchema.CUSTOMERS;
import static com.custmaster.analytics.AnalyticsSchema.FREQUENCY;
import static com.custmaster.analytics.AnalyticsSchema.MASTER_ID;
import static com.custmaster.analytics.AnalyticsSchema.MONETARY;
import static com.custmaster.analytics.AnalyticsSchema.RECENCY_DAYS;
import static com.custmaster.analytics.AnalyticsSchema.REVENUE;
import static com.custmaster.analytics.AnalyticsSchema.SEGMENT_ID;
import static com.custmaster.analytics.AnalyticsSchema.SEGMENT_LABEL;
import static com.custmaster.analytics.AnalyticsSchema.SEGMENT_PROFILE;
import static com.custmaster.analytics.AnalyticsSchema.SHARE_OF_CUSTOMERS;
import static com.custmaster.analytics.AnalyticsSchema.SHARE_OF_REVENUE;
import static com.custmaster.analytics.AnalyticsSchema.SNAPSHOT_DATE;
import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log1p;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.custmaster.config.AnalyticsSettings;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.evaluation.ClusteringEvaluator;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

/**
 * K-means segments of buyers, numbered by value and labelled from their centres.
 *
 * <p>Features: {@code log1p(recency_days)}, {@code log1p(frequency)}, {@code log1p(max(monetary,
 * 0))}, each standardised to mean 0 and standard deviation 1 over all buyers (logs because all
 * three are heavily skewed; standardised so no feature dominates the distance).
 *
 * <p>Choosing k: each k in {@code [kMin, kMax]} (at most sample size - 1) is fitted on a seeded
 * sample of about {@code sampleSize} buyers; a k is eligible when its smallest cluster holds at
 * least {@code minClusterShare} of the sample. The eligible k with the highest silhouette wins
 * (ties: the smaller k). Its centres, fitted on the sample, then assign every buyer to the nearest
 * (all buyers are the sample when there are no more than {@code sampleSize}). If no k is eligible (too few
 * or too uniform buyers) all buyers form one segment and no silhouette is reported.
 *
 * <p>Numbering: segment 1 is the cluster with the highest mean monetary, then descending (ties:
 * K-means cluster index), so numbering follows value rather than K-means' arbitrary indices.
 *
 * <p>Labels: from the cluster centre in standardised units ({@link #labelFor}).
 *
 * <p>Reproducibility: the sample is chosen by a seeded hash of the master ID and sorted by it in
 * one partition, so K-means' seeded initialisation sees the same rows in the same order on every run
 * with the same input and configuration, on a laptop or a cluster. (Spark's distributed sums of
 * doubles may still differ in the last bits between runs; that can only move a point lying exactly
 * between two centres.)
 */
final class ValueSegmentation {

    /** Centre coordinates at or beyond this many standard deviations count as high or low. */
    static final double LABEL_Z = 0.5;

    /**
     * Candidate k fitted at the same time: each is a chain of single-task jobs on the sample, so two
     * chains keep two cores busy (more measured no faster at 1M buyers).
     */
    private static final int CONCURRENT_FITS = 2;
    private static final String LOG_RECENCY = "_log_recency";
    private static final String LOG_FREQUENCY = "_log_frequency";
    private static final String LOG_MONETARY = "_log_monetary";
    private static final List<String> LOG_FEATURES = List.of(LOG_RECENCY, LOG_FREQUENCY, LOG_MONETARY);
    private static final String FEATURES = "_features";
    private static final String CLUSTER = "_cluster";
    private static final String MEAN_MONETARY = "_mean_monetary";

    private ValueSegmentation() {
    }

    /**
     * Outcome of segmentation: how k was chosen, and {@link #assignments} to put any customers
     * with the same metrics in their segment. {@link #release()} frees the cached sample.
     */
    record Segmentation(Function<Dataset<Row>, Dataset<Row>> assigner, int chosenK, Double silhouette,
            List<KCandidate> candidates, List<Dataset<Row>> cached) {

        Segmentation {
            requireNonNull(assigner, "assigner is null");
            candidates = List.copyOf(requireNonNull(candidates, "candidates is null"));
            cached = List.copyOf(requireNonNull(cached, "cached is null"));
        }

        /**
         * master_id, segment_id, segment_label of the buyers of {@code customers} (needs master_id,
         * recency_days, frequency, monetary): each in the segment of the nearest centre, scaled with
         * the means and deviations of the customers the segments were fitted on.
         */
        Dataset<Row> assignments(Dataset<Row> customers) {
            return assigner.apply(customers);
        }

        void release() {
            for (Dataset<Row> data : cached) {
                data.unpersist();
            }
        }
    }

    /**
     * Segments the buyers of {@code customers} (needs master_id, recency_days, frequency, monetary;
     * should be cached: it is read several times). Only the segmentation is returned, not the
     * assignments, so it can be fitted on the customer metrics while the scores are computed beside
     * it, and assign the scored rows afterwards.
     */
    static Segmentation segment(SparkSession spark, Dataset<Row> customers, AnalyticsSettings settings) {
        Dataset<Row> buyers = logFeatures(customers);
        // Mean and sample standard deviation of each feature over all buyers, in one pass (as
        // Spark's StandardScaler computes them; a feature without spread scales to 0).
        List<Column> moments = new ArrayList<>();
        for (String feature : LOG_FEATURES) {
            moments.add(avg(col(feature)));
            moments.add(stddev_samp(col(feature)));
        }
        Row stats = buyers.agg(count(lit(1)), moments.toArray(new Column[0])).first();
        long buyerCount = stats.getLong(0);
        List<Dataset<Row>> cached = new ArrayList<>();
        if (buyerCount < 2) {
            return singleSegment(buyerCount, List.of(), cached);
        }
        double[] means = new double[LOG_FEATURES.size()];
        double[] deviations = new double[LOG_FEATURES.size()];
        for (int i = 0; i < means.length; i++) {
            means[i] = stats.getDouble(1 + 2 * i);
            deviations[i] = stats.isNullAt(2 + 2 * i) ? 0.0 : stats.getDouble(2 + 2 * i);
        }
        Function<Dataset<Row>, Dataset<Row>> features = rows -> scaledFeatures(rows, means, deviations);
        try {
            return fit(features, features.apply(customers), buyerCount, settings, cached);
        } catch (RuntimeException failure) {
            for (Dataset<Row> data : cached) {
                data.unpersist();
            }
            throw failure;
        }
    }

    /** The buyers of {@code customers}: master_id, monetary and the three log features. */
    private static Dataset<Row> logFeatures(Dataset<Row> customers) {
        return customers.where(RfmScoring.isBuyer()).select(
                col(MASTER_ID),
                col(MONETARY),
                log1p(col(RECENCY_DAYS).cast(DataTypes.DoubleType)).as(LOG_RECENCY),
                log1p(col(FREQUENCY).cast(DataTypes.DoubleType)).as(LOG_FREQUENCY),
                log1p(greatest(col(MONETARY).cast(DataTypes.DoubleType), lit(0.0))).as(LOG_MONETARY));
    }

    /** The buyers of {@code customers}: master_id, monetary and the standardised features as one vector. */
    private static Dataset<Row> scaledFeatures(Dataset<Row> customers, double[] means, double[] deviations) {
        Column[] scaled = new Column[LOG_FEATURES.size()];
        for (int i = 0; i < scaled.length; i++) {
            Column feature = col(LOG_FEATURES.get(i));
            scaled[i] = (deviations[i] == 0.0 ? lit(0.0) : feature.minus(means[i]).divide(deviations[i]))
                    .as(LOG_FEATURES.get(i));
        }
        return new VectorAssembler()
                .setInputCols(LOG_FEATURES.toArray(new String[0]))
                .setOutputCol(FEATURES)
                .transform(logFeatures(customers).select(col(MASTER_ID), col(MONETARY), scaled[0], scaled[1], scaled[2]))
                .select(col(MASTER_ID), col(MONETARY), col(FEATURES));
    }

    private static Segmentation fit(Function<Dataset<Row>, Dataset<Row>> scaling, Dataset<Row> features,
            long buyerCount, AnalyticsSettings settings, List<Dataset<Row>> cached) {
        // The sample: buyers chosen by a seeded hash of the master ID (all when there are no more than
        // the sample size), in one partition sorted by master ID: the same rows in the same order
        // whatever the partitioning, so K-means' seeded start is the same on a laptop and a cluster.
        // One partition, because the many small jobs of fitting and scoring a candidate on tens of
        // thousands of rows cost more in task overhead than they gain from parallelism.
        Dataset<Row> chosen = buyerCount > settings.sampleSize()
                ? HashSample.of(features, (double) settings.sampleSize() / buyerCount, settings.seed())
                : features;
        Dataset<Row> sample = chosen.coalesce(1).sortWithinPartitions(col(MASTER_ID))
                .persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(sample);
        long sampleCount = sample.count();
        if (sampleCount < 2) {
            return singleSegment(buyerCount, List.of(), cached);
        }

        int largestK = (int) Math.min(settings.kMax(), sampleCount - 1);
        List<Integer> ks = new ArrayList<>();
        for (int k = settings.kMin(); k <= largestK; k++) {
            ks.add(k);
        }
        // Every fit is seeded and independent, so running them side by side does not change the outcome.
        Map<Integer, KMeansModel> models = new ConcurrentHashMap<>();
        Map<Integer, KCandidate> evaluated = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(CONCURRENT_FITS, ks.size())));
        try {
            List<Future<?>> fits = new ArrayList<>();
            for (int k : ks) {
                fits.add(pool.submit(() -> {
                    KMeansModel model = kMeans(k, settings.seed()).fit(sample);
                    models.put(k, model);
                    evaluated.put(k, evaluate(model, sample, sampleCount, k, settings));
                }));
            }
            for (Future<?> fit : fits) {
                fit.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while choosing k", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<KCandidate> candidates = new ArrayList<>();
        for (int k : ks) {
            candidates.add(evaluated.get(k));
        }
        OptionalInt chosenK = chooseK(candidates);
        if (chosenK.isEmpty()) {
            return singleSegment(buyerCount, candidates, cached);
        }
        int k = chosenK.getAsInt();
        // The centres of the chosen candidate, fitted on the seeded sample: a sample of tens of
        // thousands places a handful of centres as well as all buyers would, and every buyer is then
        // assigned to the nearest.
        KMeansModel model = models.get(k);
        Dataset<Row> predicted = model.transform(features);

        // k rows: mean monetary per cluster, to number segments by value.
        List<Row> clusterValues = predicted.groupBy(col(CLUSTER))
                .agg(avg(col(MONETARY)).cast(DataTypes.DoubleType).as(MEAN_MONETARY))
                .collectAsList();
        List<Row> byValue = new ArrayList<>(clusterValues);
        byValue.sort(Comparator.<Row>comparingDouble(row -> -row.getDouble(1)).thenComparingInt(row -> row.getInt(0)));
        Vector[] centres = model.clusterCenters();
        Column segmentId = null;
        Column segmentLabel = null;
        for (int i = 0; i < byValue.size(); i++) {
            int cluster = byValue.get(i).getInt(0);
            Vector centre = centres[cluster];
            Column isCluster = col(CLUSTER).equalTo(cluster);
            String label = labelFor(centre.apply(0), centre.apply(1), centre.apply(2));
            segmentId = segmentId == null ? when(isCluster, lit(i + 1)) : segmentId.when(isCluster, lit(i + 1));
            segmentLabel = segmentLabel == null
                    ? when(isCluster, lit(label))
                    : segmentLabel.when(isCluster, lit(label));
        }
        Column id = segmentId.as(SEGMENT_ID);
        Column label = segmentLabel.as(SEGMENT_LABEL);
        Function<Dataset<Row>, Dataset<Row>> assigner = customers ->
                model.transform(scaling.apply(customers)).select(col(MASTER_ID), id, label);
        Double silhouette = candidates.stream().filter(candidate -> candidate.k() == k)
                .findFirst().map(KCandidate::silhouette).orElseThrow();
        return new Segmentation(assigner, byValue.size(), silhouette, candidates, cached);
    }

    /**
     * No structure that meets the bar (or fewer than two buyers): all buyers in segment 1, labelled
     * by the overall centre, which is all zeros in standardised units.
     */
    private static Segmentation singleSegment(long buyerCount, List<KCandidate> candidates,
            List<Dataset<Row>> cached) {
        Function<Dataset<Row>, Dataset<Row>> assigner = customers -> customers.where(RfmScoring.isBuyer()).select(
                col(MASTER_ID), lit(1).as(SEGMENT_ID), lit(labelFor(0.0, 0.0, 0.0)).as(SEGMENT_LABEL));
        return new Segmentation(assigner, buyerCount == 0 ? 0 : 1, null, candidates, cached);
    }

    /**
     * {@code segment_profile}: one row per segment, ordered by segment_id. Shares are over buyers
     * (customers) and over the buyers' net revenue; averages over the segment's customers.
     */
    static Dataset<Row> profile(Dataset<Row> customerValue, LocalDate asOf) {
        Dataset<Row> perSegment = customerValue.where(col(SEGMENT_ID).isNotNull())
                .groupBy(col(SEGMENT_ID), col(SEGMENT_LABEL))
                .agg(
                        count(lit(1)).as(CUSTOMERS),
                        avg(col(RECENCY_DAYS).cast(DataTypes.DoubleType)).as(AVG_RECENCY_DAYS),
                        avg(col(FREQUENCY).cast(DataTypes.DoubleType)).as(AVG_FREQUENCY),
                        round(avg(col(MONETARY)), 2).as(AVG_MONETARY),
                        sum(col(MONETARY)).as(REVENUE));
        // The window spans the k (at most kMax) segment rows only.
        WindowSpec all = Window.partitionBy();
        Dataset<Row> profile = perSegment
                .withColumn(SHARE_OF_CUSTOMERS, ValueBands.ratio(col(CUSTOMERS), sum(col(CUSTOMERS)).over(all)))
                .withColumn(SHARE_OF_REVENUE, ValueBands.ratio(col(REVENUE), sum(col(REVENUE)).over(all)))
                .withColumn(SNAPSHOT_DATE, lit(asOf))
                .orderBy(col(SEGMENT_ID));
        return AnalyticsSchema.conform(profile, SEGMENT_PROFILE);
    }

    /**
     * The eligible candidate with the highest silhouette; ties go to the smaller k.
     * Empty when no candidate is eligible.
     */
    static OptionalInt chooseK(List<KCandidate> candidates) {
        KCandidate best = null;
        for (KCandidate candidate : candidates) {
            if (!candidate.eligible()) {
                continue;
            }
            if (best == null || candidate.silhouette() > best.silhouette()
                    || (candidate.silhouette() == best.silhouette() && candidate.k() < best.k())) {
                best = candidate;
            }
        }
        return best == null ? OptionalInt.empty() : OptionalInt.of(best.k());
    }

    /**
     * A readable label from a cluster centre in standardised units: {@code "<value>, <frequency>,
     * <recency>"} where value is high / mid / low value, frequency is frequent / occasional /
     * infrequent and recency is recent / cooling / lapsed. A coordinate at or above
     * {@value #LABEL_Z} standard deviations counts as high, at or below minus that as low (for
     * recency, low days = recent). Labels can repeat between segments; segment_id is the key.
     */
    static String labelFor(double recencyZ, double frequencyZ, double monetaryZ) {
        String value = monetaryZ >= LABEL_Z ? "high value" : monetaryZ <= -LABEL_Z ? "low value" : "mid value";
        String frequency = frequencyZ >= LABEL_Z ? "frequent" : frequencyZ <= -LABEL_Z ? "infrequent" : "occasional";
        String recency = recencyZ <= -LABEL_Z ? "recent" : recencyZ >= LABEL_Z ? "lapsed" : "cooling";
        return value + ", " + frequency + ", " + recency;
    }

    private static KCandidate evaluate(KMeansModel model, Dataset<Row> sample, long sampleCount, int k,
            AnalyticsSettings settings) {
        Dataset<Row> predicted = model.transform(sample);
        List<Row> sizes = predicted.groupBy(col(CLUSTER)).count().collectAsList();
        long smallest = sizes.size() < k ? 0L : sizes.stream().mapToLong(row -> row.getLong(1)).min().orElse(0L);
        double smallestShare = (double) smallest / sampleCount;
        double silhouette = sizes.size() < 2 ? Double.NaN
                : new ClusteringEvaluator().setFeaturesCol(FEATURES).setPredictionCol(CLUSTER).evaluate(predicted);
        boolean eligible = !Double.isNaN(silhouette) && smallest > 0 && smallestShare >= settings.minClusterShare();
        return new KCandidate(k, silhouette, smallestShare, eligible);
    }

    private static KMeans kMeans(int k, long seed) {
        return new KMeans().setK(k).setSeed(seed).setFeaturesCol(FEATURES).setPredictionCol(CLUSTER);
    }
}
