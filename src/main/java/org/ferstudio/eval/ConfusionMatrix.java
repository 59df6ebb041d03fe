package org.ferstudio.eval;

import java.util.Arrays;
import java.util.Objects;

import org.ferstudio.model.ClassLabels;

/**
 * Counts of (true class, predicted class) pairs over a fixed label order: row = true class, column =
 * predicted class, both indexed as in {@link ClassLabels}. Mutable while counting and not thread-safe;
 * parallel evaluations count into one matrix each and {@link #merge} the results.
 */
public final class ConfusionMatrix {

    private final ClassLabels labels;
    private final int[][] counts;

    public ConfusionMatrix(ClassLabels labels) {
        this.labels = Objects.requireNonNull(labels, "labels");
        this.counts = new int[labels.size()][labels.size()];
    }

    /** A matrix holding a copy of {@code counts} (rows = true class), e.g. read back from a report file. */
    public static ConfusionMatrix of(ClassLabels labels, int[][] counts) {
        ConfusionMatrix matrix = new ConfusionMatrix(labels);
        int k = labels.size();
        if (counts.length != k) {
            throw new IllegalArgumentException("expected " + k + " rows for " + labels.names() + ", got " + counts.length);
        }
        for (int t = 0; t < k; t++) {
            if (counts[t] == null || counts[t].length != k) {
                throw new IllegalArgumentException("row " + t + " must have " + k + " columns");
            }
            for (int p = 0; p < k; p++) {
                if (counts[t][p] < 0) {
                    throw new IllegalArgumentException("negative count at row " + t + ", column " + p);
                }
                matrix.counts[t][p] = counts[t][p];
            }
        }
        return matrix;
    }

    public ClassLabels labels() {
        return labels;
    }

    public int size() {
        return labels.size();
    }

    public void add(int trueClass, int predictedClass) {
        checkClass(trueClass, "true class");
        checkClass(predictedClass, "predicted class");
        counts[trueClass][predictedClass]++;
    }

    public int count(int trueClass, int predictedClass) {
        checkClass(trueClass, "true class");
        checkClass(predictedClass, "predicted class");
        return counts[trueClass][predictedClass];
    }

    /** Number of samples counted. */
    public int total() {
        int sum = 0;
        for (int[] row : counts) {
            for (int c : row) {
                sum += c;
            }
        }
        return sum;
    }

    /** Samples whose true class is {@code trueClass} (the class's support). */
    public int rowTotal(int trueClass) {
        checkClass(trueClass, "true class");
        return Arrays.stream(counts[trueClass]).sum();
    }

    /** Samples predicted as {@code predictedClass}. */
    public int columnTotal(int predictedClass) {
        checkClass(predictedClass, "predicted class");
        int sum = 0;
        for (int[] row : counts) {
            sum += row[predictedClass];
        }
        return sum;
    }

    /** Correctly classified samples (the diagonal). */
    public int correct() {
        int sum = 0;
        for (int i = 0; i < counts.length; i++) {
            sum += counts[i][i];
        }
        return sum;
    }

    /** A copy of the counts, rows = true class, columns = predicted class. */
    public int[][] toArray() {
        int[][] copy = new int[counts.length][];
        for (int t = 0; t < counts.length; t++) {
            copy[t] = counts[t].clone();
        }
        return copy;
    }

    public ConfusionMatrix copy() {
        return of(labels, counts);
    }

    /** A new matrix with the counts of both; neither input changes. The label orders must be equal. */
    public ConfusionMatrix merge(ConfusionMatrix other) {
        if (!labels.equals(other.labels)) {
            throw new IllegalArgumentException("cannot merge matrices with different classes: "
                    + labels.names() + " vs " + other.labels.names());
        }
        ConfusionMatrix sum = copy();
        for (int t = 0; t < counts.length; t++) {
            for (int p = 0; p < counts.length; p++) {
                sum.counts[t][p] = Math.addExact(sum.counts[t][p], other.counts[t][p]);
            }
        }
        return sum;
    }

    private void checkClass(int index, String what) {
        if (index < 0 || index >= counts.length) {
            throw new IndexOutOfBoundsException(what + " " + index + " is outside 0.." + (counts.length - 1));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix other
                && labels.equals(other.labels)
                && Arrays.deepEquals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return 31 * labels.hashCode() + Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return "ConfusionMatrix" + labels.names() + Arrays.deepToString(counts);
    }
}
