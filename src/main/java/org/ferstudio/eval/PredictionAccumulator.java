package org.ferstudio.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.ferstudio.model.ClassLabels;

/**
 * Collects (true class, probability vector) pairs during an evaluation: the predicted class is the
 * argmax, counted into a {@link ConfusionMatrix}; wrong predictions are remembered by sample index.
 * Samples are numbered 0, 1, 2... in the order added. Not thread-safe.
 */
public final class PredictionAccumulator {

    private final ConfusionMatrix matrix;
    private final List<Misclassification> misclassified = new ArrayList<>();
    private int samples;

    public PredictionAccumulator(ClassLabels labels) {
        this.matrix = new ConfusionMatrix(Objects.requireNonNull(labels, "labels"));
    }

    /** Adds the next sample and returns its predicted class. */
    public int add(int trueClass, float[] probabilities) {
        double[] widened = new double[probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            widened[i] = probabilities[i];
        }
        return add(trueClass, widened);
    }

    /** Adds the next sample and returns its predicted class. */
    public int add(int trueClass, double[] probabilities) {
        if (probabilities.length != matrix.size()) {
            throw new IllegalArgumentException("sample " + samples + ": expected " + matrix.size()
                    + " probabilities, got " + probabilities.length);
        }
        int predicted;
        try {
            predicted = argmax(probabilities);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sample " + samples + ": " + e.getMessage(), e);
        }
        matrix.add(trueClass, predicted);
        if (predicted != trueClass) {
            misclassified.add(new Misclassification(samples, trueClass, predicted, probabilities[predicted]));
        }
        samples++;
        return predicted;
    }

    /** Adds a batch: row {@code i} of {@code probabilities} belongs to {@code trueClasses[i]}. */
    public void addAll(int[] trueClasses, float[][] probabilities) {
        if (trueClasses.length != probabilities.length) {
            throw new IllegalArgumentException(trueClasses.length + " labels but " + probabilities.length + " predictions");
        }
        for (int i = 0; i < trueClasses.length; i++) {
            add(trueClasses[i], probabilities[i]);
        }
    }

    /**
     * Index of the largest value; ties go to the lowest index so results do not depend on iteration
     * details. NaN is rejected: it means a broken network, and silently skipping it would hide that.
     */
    public static int argmax(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("cannot take the argmax of an empty vector");
        }
        int best = 0;
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                throw new IllegalArgumentException("prediction contains NaN at class " + i);
            }
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    public int sampleCount() {
        return samples;
    }

    /** A copy of the counts so far. */
    public ConfusionMatrix confusionMatrix() {
        return matrix.copy();
    }

    /** Wrong predictions in the order added. */
    public List<Misclassification> misclassified() {
        return List.copyOf(misclassified);
    }

    /** Sample indices of the wrong predictions, ascending. */
    public int[] misclassifiedIndices() {
        return misclassified.stream().mapToInt(Misclassification::sampleIndex).toArray();
    }

    public EvaluationReport report() {
        return EvaluationReport.of(matrix);
    }
}
