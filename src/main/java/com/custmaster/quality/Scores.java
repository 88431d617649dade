package com.custmaster.quality;

/**
 * Precision, recall and their harmonic mean F1, each in [0, 1].
 *
 * @param precision share of what was claimed that is right
 * @param recall    share of what is true that was found
 * @param f1        2PR / (P + R), 0 when both are 0
 */
public record Scores(double precision, double recall, double f1) {

    public Scores {
        requireShare("precision", precision);
        requireShare("recall", recall);
        requireShare("f1", f1);
    }

    /** The scores of a precision and a recall, with F1 computed from them. */
    public static Scores of(double precision, double recall) {
        double sum = precision + recall;
        return new Scores(precision, recall, sum == 0 ? 0 : 2 * precision * recall / sum);
    }

    private static void requireShare(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + value);
        }
    }
}
