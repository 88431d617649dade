package com.custmaster.synth;

import java.util.ArrayList;
import java.util.List;

/**
 * How often a source writes phones in each {@link PhoneStyle}, written compactly as
 * {@code "INTERNATIONAL:45 NATIONAL_COMPACT:30"} so each source's habit reads at a glance.
 *
 * @param styles  the styles
 * @param weights relative weight of each style, in the same order
 */
record PhoneMix(List<PhoneStyle> styles, List<Double> weights) {

    PhoneMix {
        styles = List.copyOf(styles);
        weights = List.copyOf(weights);
        if (styles.size() != weights.size() || styles.isEmpty()) {
            throw new IllegalArgumentException("Need one weight per style, got " + styles + " and " + weights);
        }
    }

    /** Parses {@code "STYLE:weight STYLE:weight ..."}. */
    static PhoneMix of(String spec) {
        List<PhoneStyle> styles = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (String part : spec.trim().split("\\s+")) {
            String[] pair = part.split(":");
            if (pair.length != 2) {
                throw new IllegalArgumentException("Bad phone mix entry '" + part + "' in '" + spec + "'");
            }
            styles.add(PhoneStyle.valueOf(pair[0]));
            weights.add(Double.parseDouble(pair[1]));
        }
        return new PhoneMix(styles, weights);
    }

    PhoneStyle pick(Dice dice) {
        return dice.weighted(styles, weights.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
