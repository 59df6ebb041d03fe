package org.ferstudio.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.ferstudio.model.ClassLabels;
import org.junit.jupiter.api.Test;

class PredictionAccumulatorTest {

    private static final ClassLabels ABC = new ClassLabels(List.of("A", "B", "C"));

    @Test
    void countsArgmaxPredictionsAndRemembersTheMisclassifiedSamples() {
        PredictionAccumulator acc = new PredictionAccumulator(ABC);
        acc.add(0, new float[] {0.7f, 0.2f, 0.1f});   // 0 right
        acc.add(1, new float[] {0.6f, 0.3f, 0.1f});   // 1 wrong: predicted A
        acc.add(2, new float[] {0.1f, 0.1f, 0.8f});   // 2 right
        acc.add(2, new double[] {0.1, 0.5, 0.4});     // 3 wrong: predicted B

        assertThat(acc.sampleCount()).isEqualTo(4);
        assertThat(acc.confusionMatrix().toArray()).isEqualTo(new int[][] {{1, 0, 0}, {1, 0, 0}, {0, 1, 1}});
        assertThat(acc.misclassifiedIndices()).containsExactly(1, 3);
        assertThat(acc.misclassified().get(0)).isEqualTo(new Misclassification(1, 1, 0, (double) 0.6f));
        assertThat(acc.report().accuracy()).isEqualTo(0.5);
    }

    @Test
    void tiesGoToTheLowestIndex() {
        assertThat(PredictionAccumulator.argmax(new double[] {0.2, 0.4, 0.4})).isEqualTo(1);
        assertThat(PredictionAccumulator.argmax(new double[] {0.5, 0.5})).isZero();
        assertThat(PredictionAccumulator.argmax(new double[] {-1, -1, -1})).isZero();
    }

    @Test
    void addsBatches() {
        PredictionAccumulator acc = new PredictionAccumulator(ABC);
        acc.addAll(new int[] {0, 1}, new float[][] {{1, 0, 0}, {0, 0, 1}});

        assertThat(acc.misclassifiedIndices()).containsExactly(1);
        assertThat(acc.confusionMatrix().count(1, 2)).isEqualTo(1);
    }

    @Test
    void rejectsBrokenPredictions() {
        PredictionAccumulator acc = new PredictionAccumulator(ABC);
        assertThatThrownBy(() -> acc.add(0, new float[] {0.5f, 0.5f}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 3 probabilities");
        assertThatThrownBy(() -> acc.add(0, new float[] {0.5f, Float.NaN, 0.1f}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> acc.add(3, new float[] {1, 0, 0}))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(acc.sampleCount()).isZero();
    }
}
