package org.ferstudio.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.assertj.core.data.Offset;
import org.ferstudio.model.ClassLabels;
import org.ferstudio.model.MetricsSummary;
import org.junit.jupiter.api.Test;

class EvaluationReportTest {

    private static final Offset<Double> EXACT = within(1e-12);
    private static final ClassLabels ABC = new ClassLabels(List.of("A", "B", "C"));

    /*
     * rows = true, columns = predicted
     *          A  B  C   support
     *     A    4  1  0   5
     *     B    2  2  0   4
     *     C    1  0  1   2          n = 11, correct = 4 + 2 + 1 = 7, accuracy = 7/11
     *
     * A: tp 4, fp 2 + 1 = 3, fn 1  -> P = 4/7, R = 4/5, F1 = 2*4 / (8 + 3 + 1) = 2/3
     * B: tp 2, fp 1,         fn 2  -> P = 2/3, R = 1/2, F1 = 2*2 / (4 + 1 + 2) = 4/7
     * C: tp 1, fp 0,         fn 1  -> P = 1,   R = 1/2, F1 = 2*1 / (2 + 0 + 1) = 2/3
     * macro-F1 = (2/3 + 4/7 + 2/3) / 3 = (14 + 12 + 14) / 21 / 3 = 40/63
     */
    private static final int[][] HAND_COMPUTED = {{4, 1, 0}, {2, 2, 0}, {1, 0, 1}};

    @Test
    void matchesTheHandComputedExample() {
        EvaluationReport r = EvaluationReport.of(ConfusionMatrix.of(ABC, HAND_COMPUTED));

        assertThat(r.n()).isEqualTo(11);
        assertThat(r.accuracy()).isCloseTo(7.0 / 11, EXACT);
        assertThat(r.macroF1()).isCloseTo(40.0 / 63, EXACT);

        assertScores(r.metrics("A"), 4.0 / 7, 4.0 / 5, 2.0 / 3, 5);
        assertScores(r.metrics("B"), 2.0 / 3, 1.0 / 2, 4.0 / 7, 4);
        assertScores(r.metrics("C"), 1.0, 1.0 / 2, 2.0 / 3, 2);
        assertThat(r.metrics("A")).extracting(ClassMetrics::tp, ClassMetrics::fp, ClassMetrics::fn)
                .containsExactly(4, 3, 1);
        assertThat(r.perClass()).extracting(ClassMetrics::label).containsExactly("A", "B", "C");
    }

    @Test
    void aClassNeverPredictedScoresZeroNotNaN() {
        // C has two samples but no prediction: precision 0/0 -> 0, recall 0/2 = 0, F1 0
        EvaluationReport r = EvaluationReport.of(ConfusionMatrix.of(ABC, new int[][] {{3, 0, 0}, {1, 2, 0}, {1, 1, 0}}));

        assertScores(r.metrics("C"), 0.0, 0.0, 0.0, 2);
        // A: P = 3/5, R = 1, F1 = 6/8; B: P = 2/3, R = 2/3, F1 = 4/6; macro over all three classes
        assertThat(r.macroF1()).isCloseTo((6.0 / 8 + 4.0 / 6 + 0.0) / 3, EXACT);
        assertThat(r.accuracy()).isCloseTo(5.0 / 8, EXACT);
    }

    @Test
    void aClassWithoutSamplesScoresZeroAndStillCountsInMacroF1() {
        // B has no samples but is predicted once: recall 0/0 -> 0, precision 0/1 = 0, F1 0
        EvaluationReport r = EvaluationReport.of(ConfusionMatrix.of(ABC, new int[][] {{2, 1, 0}, {0, 0, 0}, {0, 0, 3}}));

        assertScores(r.metrics("B"), 0.0, 0.0, 0.0, 0);
        assertThat(r.metrics("B").fp()).isEqualTo(1);
        // A: P = 1, R = 2/3, F1 = 4/5; C: F1 = 1
        assertThat(r.macroF1()).isCloseTo((4.0 / 5 + 0.0 + 1.0) / 3, EXACT);
    }

    @Test
    void anEmptyEvaluationIsAllZeros() {
        EvaluationReport r = EvaluationReport.of(new ConfusionMatrix(ABC));

        assertThat(r.n()).isZero();
        assertThat(r.accuracy()).isZero();
        assertThat(r.macroF1()).isZero();
    }

    @Test
    void isAValueDetachedFromTheMatrixItWasBuiltFrom() {
        ConfusionMatrix m = ConfusionMatrix.of(ABC, HAND_COMPUTED);
        EvaluationReport r = EvaluationReport.of(m);
        m.add(0, 0);
        r.confusionMatrix().add(0, 0);

        assertThat(r.n()).isEqualTo(11);
        assertThat(r).isEqualTo(EvaluationReport.of(ConfusionMatrix.of(ABC, HAND_COMPUTED)));
    }

    @Test
    void summaryKeepsRecallInClassOrder() {
        MetricsSummary s = EvaluationReport.of(ConfusionMatrix.of(ABC, HAND_COMPUTED)).summary();

        assertThat(s.n()).isEqualTo(11);
        assertThat(s.accuracy()).isCloseTo(7.0 / 11, EXACT);
        assertThat(s.macroF1()).isCloseTo(40.0 / 63, EXACT);
        assertThat(s.perClassRecall()).containsExactly(
                java.util.Map.entry("A", 0.8), java.util.Map.entry("B", 0.5), java.util.Map.entry("C", 0.5));
    }

    @Test
    void formattedTableShowsScoresTotalsAndTheMatrix() {
        ClassLabels labels = new ClassLabels(List.of("Angry", "Happy", "Surprise"));
        String table = EvaluationReport.of(ConfusionMatrix.of(labels, HAND_COMPUTED)).toFormattedString();

        assertThat(table).contains(
                "class        precision     recall         f1    support",
                "Angry           0.5714     0.8000     0.6667          5",
                "Surprise        1.0000     0.5000     0.6667          2",
                "accuracy     0.6364  (n = 11)",
                "macro-F1     0.6349",
                "true \\ pred     Angry     Happy  Surprise",
                "Angry               4         1         0",
                "Surprise            1         0         1");
    }

    private static void assertScores(ClassMetrics m, double precision, double recall, double f1, int support) {
        assertThat(m.precision()).as("%s precision", m.label()).isCloseTo(precision, EXACT);
        assertThat(m.recall()).as("%s recall", m.label()).isCloseTo(recall, EXACT);
        assertThat(m.f1()).as("%s f1", m.label()).isCloseTo(f1, EXACT);
        assertThat(m.support()).as("%s support", m.label()).isEqualTo(support);
    }
}
