package com.custmaster.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;

/** Gamma-Gamma: the fit recovers the parameters of simulated spend, and the expectation shrinks as it should. */
class GammaGammaModelTest {

    @Test
    void theFitRecoversTheParametersOfSimulatedSpend() {
        double p = 6.25;
        double q = 3.74;
        double gamma = 15.44;
        MersenneTwister random = new MersenneTwister(11);
        GammaDistribution rates = new GammaDistribution(random, q, 1 / gamma);
        Random counts = new Random(11);
        int customers = 20_000;
        double[] x = new double[customers];
        double[] mean = new double[customers];
        for (int i = 0; i < customers; i++) {
            double nu = rates.sample();
            GammaDistribution spend = new GammaDistribution(random, p, 1 / nu);
            x[i] = 1 + counts.nextInt(8);
            double total = 0;
            for (int j = 0; j < x[i]; j++) {
                total += spend.sample();
            }
            mean[i] = total / x[i];
        }

        GammaGammaModel fitted = GammaGammaModel.fit(x, mean);

        assertThat(fitted.converged()).isTrue();
        assertThat(fitted.p()).isCloseTo(p, within(p * 0.10));
        assertThat(fitted.q()).isCloseTo(q, within(q * 0.10));
        assertThat(fitted.gamma()).isCloseTo(gamma, within(gamma * 0.15));
        assertThat(fitted.logLikelihood()).isGreaterThanOrEqualTo(GammaGammaModel.logLikelihood(p, q, gamma, x, mean));
    }

    @Test
    void theExpectedSpendLiesBetweenTheOwnMeanAndThePopulationMeanAndNearsTheOwnWithMorePurchases() {
        GammaGammaModel model = new GammaGammaModel(6.25, 3.74, 15.44, 0, 1, true);
        double population = model.populationMeanSpend();
        assertThat(population).isCloseTo(6.25 * 15.44 / 2.74, within(1e-9));

        double once = model.expectedSpend(1, 200);
        double often = model.expectedSpend(20, 200);
        assertThat(once).isBetween(population, 200.0);
        assertThat(often).isBetween(once, 200.0);
        assertThat(model.expectedSpend(0, 0)).isEqualTo(population);
    }

    @Test
    void customersWithoutPositiveSpendCannotBeFitted() {
        assertThatThrownBy(() -> GammaGammaModel.fit(new double[] {1, 2}, new double[] {10, -5}))
                .hasMessageContaining("mean spend > 0");
    }
}
