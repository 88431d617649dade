package com.custmaster.analytics;

import static java.util.Objects.requireNonNull;

import org.apache.commons.math3.special.Gamma;

/**
 * The Gamma-Gamma model of spend per purchase (Fader, Hardie and Lee 2005, "RFM and CLV"; Colombo
 * and Jiang 1999): a customer's purchases are Gamma(p, ν) in value, and ν varies across customers as
 * Gamma(q, γ). Fitted by maximum likelihood on each customer's number of purchases x and mean spend
 * m_x. It shrinks a customer's own mean towards the population mean the less they have bought, so a
 * single large first order does not make a key customer of a stranger.
 *
 * @param p shape of the spend of one purchase
 * @param q shape of the customers' spend-rate distribution
 * @param gamma scale of the customers' spend-rate distribution (money)
 * @param logLikelihood at these parameters
 * @param customers how many customers the fit used (x ≥ 1 and m_x > 0)
 * @param converged whether the optimiser met its tolerance
 */
public record GammaGammaModel(double p, double q, double gamma, double logLikelihood, long customers, boolean converged) implements java.io.Serializable {

    public GammaGammaModel {
        for (double value : new double[] {p, q, gamma}) {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("Gamma-Gamma parameters must be positive and finite: p=" + p + ", q="
                        + q + ", gamma=" + gamma);
            }
        }
    }

    /** Fits on customers' purchase counts {@code x} (≥ 1) and mean spend {@code meanSpend} (> 0). */
    public static GammaGammaModel fit(double[] x, double[] meanSpend) {
        requireNonNull(x, "x is null");
        requireNonNull(meanSpend, "meanSpend is null");
        if (x.length != meanSpend.length) {
            throw new IllegalArgumentException("x and meanSpend must have the same length");
        }
        if (x.length < 2) {
            throw new IllegalArgumentException("Gamma-Gamma needs at least 2 customers, not " + x.length);
        }
        double mean = 0;
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] >= 1) || !(meanSpend[i] > 0)) {
                throw new IllegalArgumentException("customer " + i + ": x must be >= 1 and mean spend > 0 (x=" + x[i]
                        + ", m=" + meanSpend[i] + ")");
            }
            mean += meanSpend[i] / x.length;
        }
        MaximumLikelihood.Result result = MaximumLikelihood.maximise(
                logParams -> logLikelihood(Math.exp(logParams[0]), Math.exp(logParams[1]), Math.exp(logParams[2]), x,
                        meanSpend),
                new double[] {0, 0, Math.log(mean)});
        double[] point = result.point();
        return new GammaGammaModel(Math.exp(point[0]), Math.exp(point[1]), Math.exp(point[2]), result.value(), x.length,
                result.converged());
    }

    static double logLikelihood(double p, double q, double gamma, double[] x, double[] meanSpend) {
        if (!(p > 0 && q > 0 && gamma > 0) || Double.isInfinite(p + q + gamma)) {
            return Double.NEGATIVE_INFINITY;
        }
        double constant = -Gamma.logGamma(q) + q * Math.log(gamma);
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            double px = p * x[i];
            total += Gamma.logGamma(px + q) - Gamma.logGamma(px) + constant + (px - 1) * Math.log(meanSpend[i])
                    + px * Math.log(x[i]) - (px + q) * Math.log(x[i] * meanSpend[i] + gamma);
        }
        return total;
    }

    /**
     * The expected spend of this customer's next purchases: their own mean weighted against the
     * population mean by how many purchases it rests on. Needs q > 1 (else the population mean is
     * infinite and the own mean is returned).
     */
    public double expectedSpend(double x, double meanSpend) {
        if (q <= 1) {
            return meanSpend;
        }
        if (x <= 0) {
            return populationMeanSpend();
        }
        return p * (gamma + x * meanSpend) / (p * x + q - 1);
    }

    /** The mean spend per purchase over all customers: p γ / (q − 1), for q > 1. */
    public double populationMeanSpend() {
        return q > 1 ? p * gamma / (q - 1) : Double.NaN;
    }
}
