package com.custmaster.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;

/**
 * BG/NBD: the fit recovers the parameters customers were simulated from, and the closed forms give
 * the figures published with the model.
 */
class BgNbdModelTest {

    /** The CDNOW estimates of Fader, Hardie and Lee (2005), time in weeks. */
    private static final BgNbdModel CDNOW = new BgNbdModel(0.243, 4.414, 0.793, 2.426, 0, 2357, true);

    /**
     * Customers simulated from the model itself: λ ~ Gamma(r, α), p ~ Beta(a, b), purchases a Poisson
     * process at rate λ from the first purchase at day 0, and after each repeat purchase the customer
     * drops out with probability p; observed for T days.
     */
    static BgNbdModel.Summary simulate(double r, double alpha, double a, double b, int customers, long seed) {
        MersenneTwister random = new MersenneTwister(seed);
        GammaDistribution rates = new GammaDistribution(random, r, 1 / alpha);
        BetaDistribution dropouts = new BetaDistribution(random, a, b);
        Random uniform = new Random(seed);
        double[] x = new double[customers];
        double[] tx = new double[customers];
        double[] t = new double[customers];
        double[] count = new double[customers];
        for (int i = 0; i < customers; i++) {
            double lambda = rates.sample();
            double p = dropouts.sample();
            t[i] = 180 + uniform.nextInt(540);
            double time = 0;
            while (true) {
                time += -Math.log(1 - uniform.nextDouble()) / lambda;
                if (time > t[i]) {
                    break;
                }
                x[i]++;
                tx[i] = time;
                if (uniform.nextDouble() < p) {
                    break;
                }
            }
            count[i] = 1;
        }
        return new BgNbdModel.Summary(x, tx, t, count);
    }

    @Test
    void theFitRecoversTheParametersOfSimulatedCustomers() {
        BgNbdModel.Summary data = simulate(0.25, 30, 0.8, 2.5, 20_000, 7);

        BgNbdModel fitted = BgNbdModel.fit(data);

        assertThat(fitted.converged()).isTrue();
        assertThat(fitted.customers()).isEqualTo(20_000);
        assertThat(fitted.r()).isCloseTo(0.25, within(0.25 * 0.12));
        assertThat(fitted.alpha()).isCloseTo(30, within(30 * 0.15));
        assertThat(fitted.a()).isCloseTo(0.8, within(0.8 * 0.25));
        assertThat(fitted.b()).isCloseTo(2.5, within(2.5 * 0.30));
        assertThat(fitted.logLikelihood())
                .isGreaterThanOrEqualTo(BgNbdModel.logLikelihood(0.25, 30, 0.8, 2.5, data));
    }

    @Test
    void identicalCustomersMayBeGivenOnceWithTheirCount() {
        BgNbdModel.Summary each = new BgNbdModel.Summary(new double[] {0, 0, 0, 2, 2, 5}, new double[] {0, 0, 0, 40, 40, 90},
                new double[] {100, 100, 100, 120, 120, 200}, new double[] {1, 1, 1, 1, 1, 1});
        BgNbdModel.Summary counted = new BgNbdModel.Summary(new double[] {0, 2, 5}, new double[] {0, 40, 90},
                new double[] {100, 120, 200}, new double[] {3, 2, 1});

        assertThat(BgNbdModel.logLikelihood(0.3, 20, 0.7, 2, counted))
                .isCloseTo(BgNbdModel.logLikelihood(0.3, 20, 0.7, 2, each), within(1e-9));
        assertThat(counted.customers()).isEqualTo(6);
    }

    @Test
    void expectedPurchasesReproduceThePublishedCdnowExample() {
        // FHL 2005, section 5: x = 2, t_x = 30.43, T = 38.86 weeks: 1.226 purchases expected in the next 39 weeks.
        assertThat(CDNOW.expectedPurchases(39, 2, 30.43, 38.86)).isCloseTo(1.226, within(0.001));
    }

    @Test
    void aCustomerWithoutRepeatPurchasesIsAliveAndALongSilenceAfterFrequentBuyingIsNot() {
        assertThat(CDNOW.probabilityAlive(0, 0, 30)).isEqualTo(1.0);
        double recent = CDNOW.probabilityAlive(10, 38, 39);
        double quietSinceWeek10 = CDNOW.probabilityAlive(10, 10, 39);
        assertThat(recent).isGreaterThan(0.9);
        assertThat(quietSinceWeek10).isLessThan(0.1);
        assertThat(CDNOW.expectedPurchases(39, 10, 38, 39)).isGreaterThan(CDNOW.expectedPurchases(39, 10, 10, 39));
        assertThat(CDNOW.expectedPurchases(0, 10, 38, 39)).isZero();
    }

    @Test
    void impossibleHistoriesAndParametersAreRefused() {
        assertThatThrownBy(() -> new BgNbdModel.Summary(new double[] {1}, new double[] {50}, new double[] {40},
                new double[] {1})).hasMessageContaining("not a valid customer summary");
        assertThatThrownBy(() -> new BgNbdModel(0, 1, 1, 1, 0, 1, true)).hasMessageContaining("positive");
        assertThatThrownBy(() -> Hypergeometric.f21(1, 1, 1, 1.0)).hasMessageContaining("0 <= z < 1");
    }

    @Test
    void theSeriesAgreesWithAClosedForm() {
        // 2F1(1, 1; 2; z) = -ln(1 - z) / z
        assertThat(Hypergeometric.f21(1, 1, 2, 0.6)).isCloseTo(-Math.log(0.4) / 0.6, within(1e-12));
    }
}
