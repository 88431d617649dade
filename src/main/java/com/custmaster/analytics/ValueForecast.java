package com.custmaster.analytics;

import static com.custmaster.analytics.AnalyticsSchema.EXPECTED_PURCHASES_90D;
import static com.custmaster.analytics.AnalyticsSchema.EXPECTED_VALUE_12M;
import static com.custmaster.analytics.AnalyticsSchema.FIRST_PURCHASE_DATE;
import static com.custmaster.analytics.AnalyticsSchema.FREQUENCY;
import static com.custmaster.analytics.AnalyticsSchema.LAST_PURCHASE_DATE;
import static com.custmaster.analytics.AnalyticsSchema.MASTER_ID;
import static com.custmaster.analytics.AnalyticsSchema.MONETARY;
import static com.custmaster.analytics.AnalyticsSchema.P_ALIVE;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The probabilistic side of churn and value: BG/NBD fitted on every buyer's (x, t_x, T) in days
 * (purchase days as occasions, as the literature counts them), Gamma-Gamma on the number and mean
 * spend of each customer's repeat purchase days (the first one left out, as the literature does), and
 * from both P(alive), the purchases expected in the next 90 days and the value expected in the next
 * 12 months, discounted monthly. Checked against the published CDNOW estimates (docs/outputs.md).
 *
 * <p>Fitting runs on the driver on small summaries: BG/NBD on the distinct (x, t_x, T) triples with
 * their counts, Gamma-Gamma on each customer's purchases and mean spend; above {@value #FIT_SAMPLE}
 * customers each on a seeded sample of about that many (chosen by a hash of the master ID, so the same
 * on any cluster), which estimates a handful of parameters as well as all would. Scoring runs on the
 * executors, for every customer.
 * With too few buyers for a fit the three columns stay null and the reason is logged and kept.
 */
final class ValueForecast {

    private static final Logger LOG = LoggerFactory.getLogger(ValueForecast.class);

    /** Fewer buyers than this, and the models are not fitted. */
    static final int MIN_CUSTOMERS = 30;
    /** Above this many customers a model is fitted on a seeded sample of about this many. */
    static final int FIT_SAMPLE = 100_000;
    static final int HORIZON_DAYS = 90;
    static final int VALUE_MONTHS = 12;
    private static final double DAYS_PER_MONTH = 365.25 / 12;

    private static final String X = "_bg_x";
    private static final String TX = "_bg_tx";
    private static final String T = "_bg_t";

    private ValueForecast() {
    }

    private static Column x() {
        return col(FREQUENCY).minus(1);
    }

    private static Column tx(String first, String last) {
        return datediff(col(last), col(first));
    }

    private static Column t(String first, LocalDate asOf) {
        return datediff(lit(asOf), col(first));
    }

    /** Fits both models on the buyers of {@code customers} (rows with first/last purchase date, frequency, monetary). */
    static ChurnModelFit fit(Dataset<Row> customers, LocalDate asOf, double annualDiscountRate, long seed) {
        Dataset<Row> buyers = customers.where(col(FREQUENCY).gt(0));
        long allBuyers = buyers.count();
        LOG.info("fitting BG/NBD and Gamma-Gamma on {} buyers{}", allBuyers,
                allBuyers > FIT_SAMPLE ? " (seeded samples of about " + FIT_SAMPLE + ")" : "");
        Dataset<Row> fitted = allBuyers > FIT_SAMPLE ? HashSample.of(buyers, (double) FIT_SAMPLE / allBuyers, seed) : buyers;
        List<Row> triples = fitted.select(x().as(X), tx(FIRST_PURCHASE_DATE, LAST_PURCHASE_DATE).as(TX),
                        t(FIRST_PURCHASE_DATE, asOf).as(T))
                .groupBy(X, TX, T).agg(count(lit(1))).orderBy(X, TX, T).collectAsList();
        double[] xs = new double[triples.size()];
        double[] txs = new double[triples.size()];
        double[] ts = new double[triples.size()];
        double[] counts = new double[triples.size()];
        long buyerCount = 0;
        for (int i = 0; i < triples.size(); i++) {
            Row row = triples.get(i);
            xs[i] = row.getInt(0);
            txs[i] = row.getInt(1);
            ts[i] = row.getInt(2);
            counts[i] = row.getLong(3);
            buyerCount += row.getLong(3);
        }
        if (buyerCount < MIN_CUSTOMERS) {
            String note = "not fitted: " + buyerCount + " buyers, at least " + MIN_CUSTOMERS + " needed";
            LOG.warn("BG/NBD {}", note);
            return new ChurnModelFit(asOf, null, null, annualDiscountRate, note);
        }
        BgNbdModel bgNbd;
        try {
            bgNbd = BgNbdModel.fit(new BgNbdModel.Summary(xs, txs, ts, counts));
        } catch (RuntimeException e) {
            LOG.warn("BG/NBD could not be fitted: {}", e.getMessage());
            return new ChurnModelFit(asOf, null, null, annualDiscountRate, "BG/NBD not fitted: " + e.getMessage());
        }
        LOG.info("BG/NBD fitted on {} buyers{} ({} distinct histories): r={}, alpha={} days, a={}, b={}, log-likelihood {}{}",
                buyerCount, allBuyers > FIT_SAMPLE ? " (a sample of " + allBuyers + ")" : "", triples.size(), round(bgNbd.r()), round(bgNbd.alpha()), round(bgNbd.a()), round(bgNbd.b()),
                round(bgNbd.logLikelihood()), bgNbd.converged() ? "" : " (did not converge)");

        // Gamma-Gamma as the literature fits it: repeat purchases only (the first is not counted,
        // nor its amount), each customer's number of them and their mean spend.
        Dataset<Row> repeat = buyers.where(col(FREQUENCY).geq(2).and(col(RfmScoring.REPEAT_MEAN_SPEND).gt(0)))
                .select(col(MASTER_ID), x().cast(DataTypes.DoubleType), col(RfmScoring.REPEAT_MEAN_SPEND));
        long repeatCount = repeat.count();
        if (repeatCount < MIN_CUSTOMERS) {
            String note = "Gamma-Gamma not fitted: " + repeatCount + " customers with two or more purchases, at least "
                    + MIN_CUSTOMERS + " needed";
            LOG.warn(note);
            return new ChurnModelFit(asOf, bgNbd, null, annualDiscountRate, note);
        }
        if (repeatCount > FIT_SAMPLE) {
            repeat = HashSample.of(repeat, (double) FIT_SAMPLE / repeatCount, seed);
        }
        // Sorted, so the fit adds up its likelihood in the same order on any cluster: the same parameters.
        List<Row> spend = repeat.toDF("id", "f", "m").select("f", "m").orderBy("f", "m").collectAsList();
        double[] purchases = new double[spend.size()];
        double[] mean = new double[spend.size()];
        for (int i = 0; i < spend.size(); i++) {
            purchases[i] = spend.get(i).getDouble(0);
            mean[i] = spend.get(i).getDouble(1);
        }
        GammaGammaModel gammaGamma;
        try {
            gammaGamma = GammaGammaModel.fit(purchases, mean);
        } catch (RuntimeException e) {
            LOG.warn("Gamma-Gamma could not be fitted: {}", e.getMessage());
            return new ChurnModelFit(asOf, bgNbd, null, annualDiscountRate, "Gamma-Gamma not fitted: " + e.getMessage());
        }
        LOG.info("Gamma-Gamma fitted on {} customers: p={}, q={}, gamma={}{}", spend.size(), round(gammaGamma.p()),
                round(gammaGamma.q()), round(gammaGamma.gamma()), gammaGamma.converged() ? "" : " (did not converge)");
        return new ChurnModelFit(asOf, bgNbd, gammaGamma, annualDiscountRate, null);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    /** Adds p_alive, expected_purchases_90d and expected_value_12m (null for non-buyers and where a model is missing). */
    static Dataset<Row> withForecast(Dataset<Row> customers, LocalDate asOf, ChurnModelFit fit) {
        Column buyer = col(FREQUENCY).gt(0);
        Column x = x();
        Column tx = tx(FIRST_PURCHASE_DATE, LAST_PURCHASE_DATE);
        Column t = t(FIRST_PURCHASE_DATE, asOf);
        Column nothing = lit(null).cast(DataTypes.DoubleType);
        if (fit.purchases() == null) {
            return customers.withColumn(P_ALIVE, nothing).withColumn(EXPECTED_PURCHASES_90D, nothing)
                    .withColumn(EXPECTED_VALUE_12M, nothing);
        }
        BgNbdModel bgNbd = fit.purchases();
        UserDefinedFunction alive = udf((UDF3<Integer, Integer, Integer, Double>) (xv, txv, tv) ->
                bgNbd.probabilityAlive(xv, txv, tv), DataTypes.DoubleType);
        UserDefinedFunction expected = udf((UDF3<Integer, Integer, Integer, Double>) (xv, txv, tv) ->
                bgNbd.expectedPurchases(HORIZON_DAYS, xv, txv, tv), DataTypes.DoubleType);
        Dataset<Row> out = customers
                .withColumn(P_ALIVE, when(buyer, alive.apply(x, tx, t)))
                .withColumn(EXPECTED_PURCHASES_90D, when(buyer, expected.apply(x, tx, t)));
        if (fit.spend() == null) {
            return out.withColumn(EXPECTED_VALUE_12M, nothing);
        }
        GammaGammaModel gammaGamma = fit.spend();
        double monthlyDiscount = Math.pow(1 + fit.annualDiscountRate(), 1.0 / 12) - 1;
        UserDefinedFunction value = udf((UDF4<Integer, Integer, Integer, Double, Double>) (xv, txv, tv, repeatMean) ->
                expectedValue(bgNbd, gammaGamma, monthlyDiscount, xv, txv, tv, repeatMean == null ? 0.0 : repeatMean),
                DataTypes.DoubleType);
        return out.withColumn(EXPECTED_VALUE_12M, when(buyer, value.apply(x, tx, t,
                col(RfmScoring.REPEAT_MEAN_SPEND))));
    }

    /**
     * The value expected from a customer in the next 12 months: for each month, the purchases BG/NBD
     * expects in it times the spend Gamma-Gamma expects per purchase, discounted to today.
     */
    static double expectedValue(BgNbdModel bgNbd, GammaGammaModel gammaGamma, double monthlyDiscount, double x, double tx,
                                double t, double repeatMeanSpend) {
        // Gamma-Gamma's spend per purchase from the x repeat purchases and their mean (the
        // population mean for a customer without one); a repeat mean of 0 or less says nothing.
        double spend = repeatMeanSpend > 0 ? gammaGamma.expectedSpend(x, repeatMeanSpend)
                : gammaGamma.expectedSpend(0, 0);
        double total = 0;
        double before = 0;
        for (int month = 1; month <= VALUE_MONTHS; month++) {
            double upTo = bgNbd.expectedPurchases(month * DAYS_PER_MONTH, x, tx, t);
            total += (upTo - before) * spend / Math.pow(1 + monthlyDiscount, month);
            before = upTo;
        }
        return total;
    }
}
