package com.custmaster.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Binds {@code conf/analytics.yml} to {@link AnalyticsSettings}. Every key is optional and falls
 * back to the record's documented default; unknown keys are errors.
 */
final class AnalyticsSettingsReader {

    private AnalyticsSettingsReader() {
    }

    static AnalyticsSettings read(YamlSection yaml) {
        YamlSection file = yaml.withContext("analytics");
        file.rejectUnknownKeys(Set.of("transactions", "value_bands", "segments", "churn", "rfm_segments"));
        AnalyticsSettings defaults = AnalyticsSettings.defaults();
        YamlSection bands = file.optionalSection("value_bands").orElse(null);
        YamlSection segments = file.optionalSection("segments").orElse(null);
        YamlSection churn = file.optionalSection("churn").orElse(null);
        if (bands != null) {
            bands.rejectUnknownKeys(Set.of("key", "important", "normal"));
        }
        if (segments != null) {
            segments.rejectUnknownKeys(Set.of("k_min", "k_max", "seed", "min_cluster_share", "sample_size"));
        }
        if (churn != null) {
            churn.rejectUnknownKeys(Set.of("inactive_floor_days", "gap_multiple", "at_risk_fraction", "annual_discount_rate"));
        }
        List<AnalyticsSettings.RfmSegmentRule> rules = new ArrayList<>();
        for (YamlSection rule : file.sectionList("rfm_segments")) {
            rule.rejectUnknownKeys(Set.of("segment", "r", "f"));
            int[] r = range(rule, "r");
            int[] f = range(rule, "f");
            rules.add(new AnalyticsSettings.RfmSegmentRule(rule.requireString("segment"), r[0], r[1], f[0], f[1]));
        }
        try {
            return new AnalyticsSettings(
                    bands == null ? defaults.keyCutoff() : bands.decimal("key", defaults.keyCutoff()),
                    bands == null ? defaults.importantCutoff() : bands.decimal("important", defaults.importantCutoff()),
                    bands == null ? defaults.normalCutoff() : bands.decimal("normal", defaults.normalCutoff()),
                    segments == null ? defaults.kMin() : segments.integer("k_min", defaults.kMin()),
                    segments == null ? defaults.kMax() : segments.integer("k_max", defaults.kMax()),
                    segments == null ? defaults.seed() : (long) segments.integer("seed", (int) defaults.seed()),
                    segments == null ? defaults.minClusterShare()
                            : segments.decimal("min_cluster_share", defaults.minClusterShare()),
                    segments == null ? defaults.sampleSize() : segments.integer("sample_size", defaults.sampleSize()),
                    churn == null ? defaults.inactiveFloorDays()
                            : churn.integer("inactive_floor_days", defaults.inactiveFloorDays()),
                    churn == null ? defaults.gapMultiple() : churn.decimal("gap_multiple", defaults.gapMultiple()),
                    churn == null ? defaults.atRiskFraction() : churn.decimal("at_risk_fraction", defaults.atRiskFraction()),
                    churn == null ? defaults.annualDiscountRate()
                            : churn.decimal("annual_discount_rate", defaults.annualDiscountRate()),
                    rules.isEmpty() ? defaults.rfmSegments() : rules);
        } catch (IllegalArgumentException e) {
            throw file.error("(settings)", e.getMessage());
        }
    }

    /** "4-5" or "3" to an inclusive score range. */
    private static int[] range(YamlSection rule, String key) {
        String text = rule.requireString(key).trim();
        try {
            String[] parts = text.split("-", 2);
            int low = Integer.parseInt(parts[0].trim());
            int high = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : low;
            return new int[] {low, high};
        } catch (NumberFormatException e) {
            throw rule.error(key, "expected a score or a range like 4-5, found '" + text + "'");
        }
    }
}
