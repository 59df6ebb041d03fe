package org.ferstudio.eval;

import java.util.Objects;

/**
 * One class's one-vs-rest scores. Precision, recall and F1 are 0, not NaN, when undefined (no
 * predictions of the class, or no samples of it): a NaN would poison every mean it enters (macro-F1,
 * charts) and cannot be written as plain JSON, and 0 is the conservative reading of "the model never
 * got this class right" (scikit-learn's {@code zero_division=0} does the same).
 */
public record ClassMetrics(String label, double precision, double recall, double f1,
                           int support, int tp, int fp, int fn) {

    public ClassMetrics {
        Objects.requireNonNull(label, "label");
        if (tp < 0 || fp < 0 || fn < 0 || support != tp + fn) {
            throw new IllegalArgumentException("inconsistent counts for " + label
                    + ": tp=" + tp + ", fp=" + fp + ", fn=" + fn + ", support=" + support);
        }
    }

    /** Scores from the three counts; support is {@code tp + fn}. */
    public static ClassMetrics of(String label, int tp, int fp, int fn) {
        double precision = ratio(tp, tp + fp);
        double recall = ratio(tp, tp + fn);
        // 2tp / (2tp + fp + fn) equals 2PR / (P + R) where both are defined, with one rounding instead of several
        double f1 = ratio(2.0 * tp, 2.0 * tp + fp + fn);
        return new ClassMetrics(label, precision, recall, f1, tp + fn, tp, fp, fn);
    }

    private static double ratio(double numerator, double denominator) {
        return denominator == 0 ? 0.0 : numerator / denominator;
    }
}
