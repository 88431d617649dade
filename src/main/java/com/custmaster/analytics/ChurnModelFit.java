package com.custmaster.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The probabilistic models of one customer-value run, written as {@code models/churn_model.json} so
 * that every p_alive and expected value can be recomputed and the fit judged (docs/outputs.md).
 *
 * @param asOf the run's as-of date
 * @param purchases BG/NBD, or null when it was not fitted (see {@code note})
 * @param spend Gamma-Gamma, or null when it was not fitted
 * @param annualDiscountRate the discount rate of expected_value_12m
 * @param note why a model is missing, or null
 */
public record ChurnModelFit(LocalDate asOf, BgNbdModel purchases, GammaGammaModel spend, double annualDiscountRate,
                           String note) {

    /** The JSON document: BG/NBD's parameters at the top (time unit days), Gamma-Gamma's under gamma_gamma. */
    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", "bg_nbd");
        json.put("as_of", asOf.toString());
        json.put("time_unit", "days");
        json.put("fitted", purchases != null);
        if (purchases != null) {
            json.put("r", purchases.r());
            json.put("alpha", purchases.alpha());
            json.put("a", purchases.a());
            json.put("b", purchases.b());
            json.put("log_likelihood", purchases.logLikelihood());
            json.put("customers", purchases.customers());
            json.put("converged", purchases.converged());
        }
        json.put("horizon_days", ValueForecast.HORIZON_DAYS);
        Map<String, Object> gammaGamma = new LinkedHashMap<>();
        gammaGamma.put("fitted", spend != null);
        if (spend != null) {
            gammaGamma.put("p", spend.p());
            gammaGamma.put("q", spend.q());
            gammaGamma.put("gamma", spend.gamma());
            gammaGamma.put("log_likelihood", spend.logLikelihood());
            gammaGamma.put("customers", spend.customers());
            gammaGamma.put("converged", spend.converged());
            gammaGamma.put("population_mean_spend", Double.isNaN(spend.populationMeanSpend()) ? null
                    : spend.populationMeanSpend());
        }
        json.put("gamma_gamma", gammaGamma);
        json.put("value_months", ValueForecast.VALUE_MONTHS);
        json.put("annual_discount_rate", annualDiscountRate);
        json.put("note", note);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the churn model", e);
        }
    }

    /** Writes {@link #toJson()} to a file (through a temporary name, so a reader never sees half of it). */
    public void writeJson(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temp, toJson());
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
