package com.custmaster.analytics;

import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximises a log-likelihood over unconstrained (log-transformed) parameters with Nelder-Mead
 * (Apache Commons Math), restarted from its own optimum until it stops improving: the simplex can
 * stall on the long, curved ridges these likelihoods have, and a restart is the textbook remedy.
 * Derivative-free, so a model is only its likelihood.
 */
final class MaximumLikelihood {

    private static final int MAX_EVALUATIONS = 20_000;
    private static final int MAX_RESTARTS = 8;
    private static final double RELATIVE_TOLERANCE = 1e-11;

    /** The optimum found and whether the last restart confirmed it. */
    record Result(double[] point, double value, boolean converged) {
    }

    private MaximumLikelihood() {
    }

    static Result maximise(ToDoubleFunction<double[]> logLikelihood, double[] start) {
        ObjectiveFunction objective = new ObjectiveFunction(point -> {
            double value = logLikelihood.applyAsDouble(point);
            return Double.isNaN(value) ? Double.NEGATIVE_INFINITY : value;
        });
        double[] point = start.clone();
        double value = logLikelihood.applyAsDouble(point);
        for (int restart = 0; restart < MAX_RESTARTS; restart++) {
            SimplexOptimizer optimizer = new SimplexOptimizer(RELATIVE_TOLERANCE, 1e-14);
            PointValuePair optimum;
            try {
                optimum = optimizer.optimize(new MaxEval(MAX_EVALUATIONS), objective, GoalType.MAXIMIZE,
                        new InitialGuess(point), new NelderMeadSimplex(point.length, restart == 0 ? 1.0 : 0.2));
            } catch (TooManyEvaluationsException e) {
                return new Result(point, value, false);
            }
            boolean improved = optimum.getValue() > value + Math.abs(value) * 1e-10;
            if (optimum.getValue() >= value) {
                point = optimum.getPoint();
                value = optimum.getValue();
            }
            if (!improved && restart > 0) {
                return new Result(point, value, Double.isFinite(value));
            }
        }
        return new Result(point, value, false);
    }
}
