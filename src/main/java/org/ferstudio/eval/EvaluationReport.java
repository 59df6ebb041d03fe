package org.ferstudio.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.ferstudio.model.ClassLabels;
import org.ferstudio.model.MetricsSummary;

/**
 * The result of one evaluation, as a value: accuracy, macro-F1, per-class scores and the confusion
 * matrix they all derive from. Built only from a matrix, so the numbers can never disagree with it.
 */
public final class EvaluationReport {

    private final ConfusionMatrix matrix;
    private final List<ClassMetrics> perClass;
    private final double accuracy;
    private final double macroF1;

    private EvaluationReport(ConfusionMatrix matrix) {
        this.matrix = matrix;
        this.perClass = computePerClass(matrix);
        int n = matrix.total();
        this.accuracy = n == 0 ? 0.0 : (double) matrix.correct() / n;
        // every class counts, also ones absent from the data (F1 = 0): a model must not look better
        // because the test split happens to lack a hard class
        this.macroF1 = perClass.stream().mapToDouble(ClassMetrics::f1).sum() / perClass.size();
    }

    public static EvaluationReport of(ConfusionMatrix matrix) {
        return new EvaluationReport(Objects.requireNonNull(matrix, "matrix").copy());
    }

    private static List<ClassMetrics> computePerClass(ConfusionMatrix m) {
        List<ClassMetrics> result = new ArrayList<>(m.size());
        for (int k = 0; k < m.size(); k++) {
            int tp = m.count(k, k);
            result.add(ClassMetrics.of(m.labels().name(k), tp, m.columnTotal(k) - tp, m.rowTotal(k) - tp));
        }
        return List.copyOf(result);
    }

    /** Number of samples evaluated. */
    public int n() {
        return matrix.total();
    }

    /** Fraction classified correctly; 0 when nothing was evaluated. */
    public double accuracy() {
        return accuracy;
    }

    /** Unweighted mean of the per-class F1 over all classes. */
    public double macroF1() {
        return macroF1;
    }

    public ClassLabels classes() {
        return matrix.labels();
    }

    /** Per-class scores in class order. */
    public List<ClassMetrics> perClass() {
        return perClass;
    }

    public ClassMetrics metrics(String className) {
        int index = classes().indexOf(className)
                .orElseThrow(() -> new IllegalArgumentException("unknown class " + className + ", known: " + classes().names()));
        return perClass.get(index);
    }

    /** A copy of the matrix, so the report stays unchanged. */
    public ConfusionMatrix confusionMatrix() {
        return matrix.copy();
    }

    public MetricsSummary summary() {
        Map<String, Double> recall = new LinkedHashMap<>();
        perClass.forEach(m -> recall.put(m.label(), m.recall()));
        return new MetricsSummary(accuracy, macroF1, n(), recall);
    }

    /** A fixed-width table for consoles and logs. */
    public String toFormattedString() {
        return EvaluationReportTable.format(this);
    }

    /** The report as JSON; see {@link EvaluationReportJson} for the shape. */
    public String toJson() {
        return EvaluationReportJson.toJson(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EvaluationReport other && matrix.equals(other.matrix);
    }

    @Override
    public int hashCode() {
        return matrix.hashCode();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "EvaluationReport[n=%d, accuracy=%.4f, macroF1=%.4f]",
                n(), accuracy, macroF1);
    }
}
