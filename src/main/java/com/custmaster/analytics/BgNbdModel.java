package com.custmaster.analytics;

import static java.util.Objects.requireNonNull;

import org.apache.commons.math3.special.Gamma;

/**
 * The BG/NBD model of repeat buying (Fader, Hardie and Lee 2005, "Counting your customers the easy
 * way"): while alive, a customer buys at a Poisson rate λ ~ Gamma(r, α); after each repeat purchase
 * they drop out with probability p ~ Beta(a, b). Fitted by maximum likelihood on each customer's
 * (x, t_x, T): repeat purchase occasions, time of the last one and length of observation, all
 * measured in days from the first purchase.
 *
 * <p>Why this model and not only the churn rule: the rule says who has been quiet; the model says how
 * likely a quiet customer is still a customer given their own rhythm (P(alive)) and how many purchases
 * to expect, which is what value forecasts need. The closed forms are the paper's (equations 6, 10
 * and 11); the Gaussian hypergeometric function is summed as a series.
 *
 * @param r shape of the purchase-rate distribution
 * @param alpha scale of the purchase-rate distribution (days)
 * @param a first shape of the dropout-probability distribution
 * @param b second shape of the dropout-probability distribution
 * @param logLikelihood the log-likelihood at these parameters (summed over the customers fitted)
 * @param customers how many customers the fit used
 * @param converged whether the optimiser met its tolerance
 */
public record BgNbdModel(double r, double alpha, double a, double b, double logLikelihood, long customers,
                         boolean converged) implements java.io.Serializable {

    public BgNbdModel {
        for (double value : new double[] {r, alpha, a, b}) {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("BG/NBD parameters must be positive and finite: r=" + r + ", alpha="
                        + alpha + ", a=" + a + ", b=" + b);
            }
        }
    }

    /**
     * Customers summarised for fitting: identical (x, t_x, T) triples may be given once with their count.
     *
     * @param x repeat purchase occasions (purchase days minus one), ≥ 0
     * @param tx days from the first to the last purchase (0 when x = 0), ≤ T
     * @param t days from the first purchase to the end of observation (0: first purchase on the last day)
     * @param count how many customers have this triple
     */
    public record Summary(double[] x, double[] tx, double[] t, double[] count) {
        public Summary {
            requireNonNull(x, "x is null");
            requireNonNull(tx, "tx is null");
            requireNonNull(t, "t is null");
            requireNonNull(count, "count is null");
            if (tx.length != x.length || t.length != x.length || count.length != x.length) {
                throw new IllegalArgumentException("x, tx, t and count must have the same length");
            }
            for (int i = 0; i < x.length; i++) {
                if (x[i] < 0 || tx[i] < 0 || tx[i] > t[i] || !(t[i] >= 0) || count[i] < 0 || (x[i] == 0 && tx[i] != 0)) {
                    throw new IllegalArgumentException("not a valid customer summary at " + i + ": x=" + x[i] + ", t_x="
                            + tx[i] + ", T=" + t[i] + ", count=" + count[i]);
                }
            }
        }

        public long customers() {
            double total = 0;
            for (double c : count) {
                total += c;
            }
            return Math.round(total);
        }
    }

    /** Fits by maximum likelihood; starts from r = α = a = b = 1 in log space. */
    public static BgNbdModel fit(Summary data) {
        requireNonNull(data, "data is null");
        if (data.customers() < 2) {
            throw new IllegalArgumentException("BG/NBD needs at least 2 customers, not " + data.customers());
        }
        MaximumLikelihood.Result result = MaximumLikelihood.maximise(
                logParams -> logLikelihood(Math.exp(logParams[0]), Math.exp(logParams[1]), Math.exp(logParams[2]),
                        Math.exp(logParams[3]), data),
                new double[] {0, Math.log(Math.max(1, meanT(data) / 10)), 0, 0});
        double[] p = result.point();
        return new BgNbdModel(Math.exp(p[0]), Math.exp(p[1]), Math.exp(p[2]), Math.exp(p[3]), result.value(),
                data.customers(), result.converged());
    }

    private static double meanT(Summary data) {
        double sum = 0;
        double n = 0;
        for (int i = 0; i < data.t().length; i++) {
            sum += data.t()[i] * data.count()[i];
            n += data.count()[i];
        }
        return n == 0 ? 1 : sum / n;
    }

    /** The log-likelihood of the data at the given parameters (FHL 2005, equation 6). */
    static double logLikelihood(double r, double alpha, double a, double b, Summary data) {
        if (!(r > 0 && alpha > 0 && a > 0 && b > 0) || Double.isInfinite(r + alpha + a + b)) {
            return Double.NEGATIVE_INFINITY;
        }
        double lnGammaR = Gamma.logGamma(r);
        double lnGammaB = Gamma.logGamma(b);
        double lnGammaAB = Gamma.logGamma(a + b);
        double lnA = Math.log(a);
        double total = 0;
        double cachedX = -1;
        double xTerms = 0;
        for (int i = 0; i < data.x().length; i++) {
            double count = data.count()[i];
            if (count == 0) {
                continue;
            }
            double x = data.x()[i];
            if (x != cachedX) {
                xTerms = Gamma.logGamma(r + x) - lnGammaR + r * Math.log(alpha)
                        + lnGammaAB + Gamma.logGamma(b + x) - lnGammaB - Gamma.logGamma(a + b + x);
                cachedX = x;
            }
            double lnA3 = -(r + x) * Math.log(alpha + data.t()[i]);
            double term;
            if (x > 0) {
                double lnA4 = lnA - Math.log(b + x - 1) - (r + x) * Math.log(alpha + data.tx()[i]);
                double high = Math.max(lnA3, lnA4);
                term = high + Math.log(Math.exp(lnA3 - high) + Math.exp(lnA4 - high));
            } else {
                term = lnA3;
            }
            total += count * (xTerms + term);
        }
        return total;
    }

    /**
     * The probability that a customer with this history is still alive at the end of observation
     * (FHL 2005, equation 11); 1 for a customer with no repeat purchase, who by the model cannot
     * have dropped out yet.
     */
    public double probabilityAlive(double x, double tx, double t) {
        if (x == 0) {
            return 1;
        }
        double odds = a / (b + x - 1) * Math.exp((r + x) * (Math.log(alpha + t) - Math.log(alpha + tx)));
        return 1 / (1 + odds);
    }

    /**
     * Expected purchase occasions in the next {@code days} for a customer with this history (FHL
     * 2005, equation 10).
     */
    public double expectedPurchases(double days, double x, double tx, double t) {
        if (days <= 0) {
            return 0;
        }
        double z = days / (alpha + t + days);
        double hyper = Hypergeometric.f21(r + x, b + x, a + b + x - 1, z);
        double first = (a + b + x - 1) / (a - 1);
        double second = 1 - Math.exp((r + x) * Math.log((alpha + t) / (alpha + t + days))) * hyper;
        double denominator = 1 + (x > 0 ? a / (b + x - 1) * Math.exp((r + x) * Math.log((alpha + t) / (alpha + tx))) : 0);
        return Math.max(0, first * second / denominator);
    }
}
