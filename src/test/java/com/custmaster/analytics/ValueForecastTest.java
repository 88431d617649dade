package com.custmaster.analytics;

import static com.custmaster.analytics.AnalyticsSchema.EXPECTED_PURCHASES_90D;
import static com.custmaster.analytics.AnalyticsSchema.EXPECTED_VALUE_12M;
import static com.custmaster.analytics.AnalyticsSchema.FREQUENCY;
import static com.custmaster.analytics.AnalyticsSchema.P_ALIVE;
import static com.custmaster.analytics.Fixtures.byMasterId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.custmaster.config.AnalyticsSettings;
import com.custmaster.testing.SharedSparkSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The BG/NBD and Gamma-Gamma forecasts inside the Spark job, on transactions simulated from the
 * models: the job summarises each buyer's history as the model needs it (purchase days, t_x, T), so
 * its fit equals a fit on the simulated histories, and every forecast column equals the model's
 * closed form for that customer.
 */
@SharedSparkSession
class ValueForecastTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);
    private static final AnalyticsSettings SETTINGS = AnalyticsSettings.defaults().withKRange(2, 2);
    private static final int CUSTOMERS = 3000;

    /** Per customer: distinct purchase days (days before AS_OF, descending = oldest first) and the amount of each. */
    private static final List<TreeSet<Integer>> DAYS = new ArrayList<>();
    /** Per customer: the amount of each purchase day, oldest first. */
    private static final List<List<Double>> AMOUNTS = new ArrayList<>();
    private static final List<Fixtures.Tx> TRANSACTIONS = new ArrayList<>();

    @BeforeAll
    static void simulate() {
        MersenneTwister random = new MersenneTwister(5);
        GammaDistribution rates = new GammaDistribution(random, 0.6, 1 / 40.0);
        BetaDistribution dropouts = new BetaDistribution(random, 0.9, 3.0);
        GammaDistribution spendRates = new GammaDistribution(random, 3.5, 1 / 15.0);
        Random uniform = new Random(5);
        for (int i = 0; i < CUSTOMERS; i++) {
            String id = String.format("C%05d", i);
            double lambda = rates.sample();
            double p = dropouts.sample();
            GammaDistribution spend = new GammaDistribution(random, 6, 1 / spendRates.sample());
            int firstDaysBefore = 30 + uniform.nextInt(700);
            TreeSet<Integer> days = new TreeSet<>(java.util.Comparator.reverseOrder());
            days.add(firstDaysBefore);
            double time = 0;
            while (true) {
                time += -Math.log(1 - uniform.nextDouble()) / lambda;
                int daysBefore = firstDaysBefore - (int) Math.floor(time);
                if (daysBefore < 0) {
                    break;
                }
                days.add(daysBefore);
                if (uniform.nextDouble() < p) {
                    break;
                }
            }
            DAYS.add(days);
            List<Double> amounts = new ArrayList<>();
            for (int daysBefore : days) {
                BigDecimal amount = BigDecimal.valueOf(Math.max(0.01, spend.sample())).setScale(2, RoundingMode.HALF_UP);
                amounts.add(amount.doubleValue());
                TRANSACTIONS.add(Fixtures.daysBefore(id, AS_OF, daysBefore, amount.toPlainString()));
            }
            AMOUNTS.add(amounts);
        }
    }

    /** BG/NBD's view of customer i: repeat purchase days, days from first to last, days from first to AS_OF. */
    private static double[] history(int i) {
        TreeSet<Integer> days = DAYS.get(i);
        int first = days.first();
        int last = days.last();
        return new double[] {days.size() - 1, first - last, first};
    }

    /** Gamma-Gamma's view of customer i: the mean amount of the repeat purchase days (0 without one). */
    private static double repeatMeanSpend(int i) {
        List<Double> amounts = AMOUNTS.get(i);
        return amounts.size() < 2 ? 0.0
                : amounts.subList(1, amounts.size()).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    @Test
    void theJobFitsTheSimulatedHistoriesAndEachForecastIsTheModelsClosedForm(SparkSession spark) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            ids.add(String.format("C%05d", i));
        }
        ids.add("NOBODY");
        try (CustomerValueResult result = new CustomerValueJob().compute(spark, Fixtures.transactions(spark, TRANSACTIONS),
                Fixtures.customers(spark, ids), AS_OF, SETTINGS)) {

            double[] x = new double[CUSTOMERS];
            double[] tx = new double[CUSTOMERS];
            double[] t = new double[CUSTOMERS];
            double[] one = new double[CUSTOMERS];
            for (int i = 0; i < CUSTOMERS; i++) {
                double[] h = history(i);
                x[i] = h[0];
                tx[i] = h[1];
                t[i] = h[2];
                one[i] = 1;
            }
            BgNbdModel direct = BgNbdModel.fit(new BgNbdModel.Summary(x, tx, t, one));
            BgNbdModel fitted = result.churnModel().purchases();
            assertThat(fitted).isNotNull();
            assertThat(fitted.customers()).isEqualTo(CUSTOMERS);
            assertThat(fitted.logLikelihood()).isCloseTo(direct.logLikelihood(), within(1e-6 * Math.abs(direct.logLikelihood())));
            assertThat(fitted.r()).isCloseTo(direct.r(), within(direct.r() * 1e-3));
            assertThat(fitted.alpha()).isCloseTo(direct.alpha(), within(direct.alpha() * 1e-3));
            // And it found roughly what the customers were simulated from.
            assertThat(fitted.r()).isBetween(0.6 * 0.7, 0.6 * 1.3);
            assertThat(fitted.alpha()).isBetween(40 * 0.6, 40 * 1.4);
            GammaGammaModel spend = result.churnModel().spend();
            assertThat(spend).isNotNull();
            // Gamma-Gamma as the literature fits it: repeat purchases only, the first one left out.
            List<double[]> repeaters = new ArrayList<>();
            for (int i = 0; i < CUSTOMERS; i++) {
                if (history(i)[0] >= 1) {
                    repeaters.add(new double[] {history(i)[0], repeatMeanSpend(i)});
                }
            }
            repeaters.sort(java.util.Comparator.<double[]>comparingDouble(h -> h[0]).thenComparingDouble(h -> h[1]));
            GammaGammaModel directSpend = GammaGammaModel.fit(repeaters.stream().mapToDouble(h -> h[0]).toArray(),
                    repeaters.stream().mapToDouble(h -> h[1]).toArray());
            assertThat(spend.p()).isCloseTo(directSpend.p(), within(directSpend.p() * 1e-3));
            assertThat(spend.q()).isCloseTo(directSpend.q(), within(directSpend.q() * 1e-3));
            assertThat(spend.gamma()).isCloseTo(directSpend.gamma(), within(directSpend.gamma() * 1e-3));
            // And roughly what the spend was simulated from (p 6, q 3.5, gamma 15).
            assertThat(spend.p()).isBetween(6 * 0.7, 6 * 1.3);
            assertThat(spend.q()).isBetween(3.5 * 0.6, 3.5 * 1.4);

            Map<String, Row> rows = byMasterId(result.customerValue());
            double monthly = Math.pow(1.10, 1.0 / 12) - 1;
            int oneTimers = 0;
            for (int i = 0; i < CUSTOMERS; i += 37) {
                Row row = rows.get(String.format("C%05d", i));
                double[] h = history(i);
                assertThat(row.<Double>getAs(P_ALIVE)).isCloseTo(fitted.probabilityAlive(h[0], h[1], h[2]), within(1e-12));
                assertThat(row.<Double>getAs(EXPECTED_PURCHASES_90D))
                        .isCloseTo(fitted.expectedPurchases(90, h[0], h[1], h[2]), within(1e-12));
                assertThat(row.<BigDecimal>getAs(EXPECTED_VALUE_12M).doubleValue()).isCloseTo(
                        ValueForecast.expectedValue(fitted, spend, monthly, h[0], h[1], h[2], repeatMeanSpend(i)),
                        within(0.0051));
                if (h[0] == 0) {
                    oneTimers++;
                    assertThat(row.<Double>getAs(P_ALIVE)).isEqualTo(1.0);
                }
            }
            assertThat(oneTimers).as("the sample holds one-purchase customers").isPositive();
            Row nobody = rows.get("NOBODY");
            assertThat(nobody.<Double>getAs(P_ALIVE)).isNull();
            assertThat(nobody.<Double>getAs(EXPECTED_PURCHASES_90D)).isNull();
            assertThat(nobody.<BigDecimal>getAs(EXPECTED_VALUE_12M)).isNull();

            JsonNode json = new ObjectMapper().readTree(result.churnModel().toJson());
            assertThat(json.get("time_unit").asText()).isEqualTo("days");
            assertThat(json.get("r").asDouble()).isEqualTo(fitted.r());
            assertThat(json.get("customers").asLong()).isEqualTo(CUSTOMERS);
            assertThat(json.get("converged").asBoolean()).isTrue();
            assertThat(json.get("gamma_gamma").get("p").asDouble()).isEqualTo(spend.p());
            assertThat(json.get("annual_discount_rate").asDouble()).isEqualTo(0.10);
        }
    }

    @Test
    void tooFewBuyersLeaveTheForecastsEmptyAndSayWhy(SparkSession spark) {
        try (CustomerValueResult result = new CustomerValueJob().compute(spark,
                Fixtures.transactions(spark, RfmScoringTest.rfmFixture()),
                Fixtures.customers(spark, RfmScoringTest.FIXTURE_CUSTOMERS), LocalDate.of(2024, 6, 30), SETTINGS)) {
            assertThat(result.churnModel().purchases()).isNull();
            assertThat(result.churnModel().note()).contains("at least " + ValueForecast.MIN_CUSTOMERS);
            assertThat(result.customerValue().where(P_ALIVE + " IS NOT NULL").count()).isZero();
        }
    }
}
