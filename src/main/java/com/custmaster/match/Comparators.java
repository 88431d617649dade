package com.custmaster.match;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/** String and date comparisons used by comparison levels. Pure functions. */
public final class Comparators {

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private Comparators() {
    }

    public static double jaroWinkler(String left, String right) {
        return JARO_WINKLER.apply(left, right);
    }

    /**
     * True for two ISO dates that differ only by transposed day and month, or by one mistyped digit.
     * Equal dates are not "near": the exact level catches them first.
     */
    public static boolean dateNear(String left, String right) {
        if (left.equals(right) || left.length() != right.length()) {
            return false;
        }
        int differences = 0;
        for (int i = 0; i < left.length(); i++) {
            if (left.charAt(i) != right.charAt(i)) {
                differences++;
            }
        }
        if (differences == 1) {
            return true;
        }
        try {
            LocalDate a = LocalDate.parse(left);
            LocalDate b = LocalDate.parse(right);
            return a.getYear() == b.getYear() && a.getMonthValue() == b.getDayOfMonth()
                    && a.getDayOfMonth() == b.getMonthValue();
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
