package org.ferstudio.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.ferstudio.model.ClassLabels;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    private static final ClassLabels ABC = new ClassLabels(List.of("A", "B", "C"));

    @Test
    void countsRowsAsTrueClassAndColumnsAsPredicted() {
        ConfusionMatrix m = new ConfusionMatrix(ABC);
        m.add(0, 1);
        m.add(0, 1);
        m.add(2, 2);

        assertThat(m.count(0, 1)).isEqualTo(2);
        assertThat(m.count(1, 0)).isZero();
        assertThat(m.total()).isEqualTo(3);
        assertThat(m.rowTotal(0)).isEqualTo(2);
        assertThat(m.columnTotal(1)).isEqualTo(2);
        assertThat(m.correct()).isEqualTo(1);
        assertThat(m.toArray()).isEqualTo(new int[][] {{0, 2, 0}, {0, 0, 0}, {0, 0, 1}});
    }

    @Test
    void toArrayIsACopy() {
        ConfusionMatrix m = new ConfusionMatrix(ABC);
        m.toArray()[0][0] = 5;
        assertThat(m.count(0, 0)).isZero();
    }

    @Test
    void mergeAddsCountsAndLeavesBothInputsAlone() {
        ConfusionMatrix a = ConfusionMatrix.of(ABC, new int[][] {{1, 0, 0}, {0, 2, 0}, {0, 0, 3}});
        ConfusionMatrix b = ConfusionMatrix.of(ABC, new int[][] {{0, 4, 0}, {0, 0, 0}, {1, 0, 0}});

        ConfusionMatrix sum = a.merge(b);

        assertThat(sum.toArray()).isEqualTo(new int[][] {{1, 4, 0}, {0, 2, 0}, {1, 0, 3}});
        assertThat(a.total()).isEqualTo(6);
        assertThat(b.total()).isEqualTo(5);
    }

    @Test
    void refusesToMergeDifferentLabelOrders() {
        ConfusionMatrix a = new ConfusionMatrix(ABC);
        ConfusionMatrix b = new ConfusionMatrix(new ClassLabels(List.of("B", "A", "C")));
        assertThatThrownBy(() -> a.merge(b)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsClassesOutsideTheLabels() {
        ConfusionMatrix m = new ConfusionMatrix(ABC);
        assertThatThrownBy(() -> m.add(3, 0)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("true class 3");
        assertThatThrownBy(() -> m.add(0, -1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void ofChecksShapeAndSigns() {
        assertThatThrownBy(() -> ConfusionMatrix.of(ABC, new int[][] {{1, 2, 3}, {4, 5, 6}}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConfusionMatrix.of(ABC, new int[][] {{1, 2, 3}, {4, 5}, {7, 8, 9}}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConfusionMatrix.of(ABC, new int[][] {{1, 2, 3}, {4, -5, 6}, {7, 8, 9}}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalWhenLabelsAndCountsAreEqual() {
        ConfusionMatrix a = new ConfusionMatrix(ABC);
        ConfusionMatrix b = new ConfusionMatrix(ABC);
        a.add(1, 2);
        b.add(1, 2);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        b.add(0, 0);
        assertThat(a).isNotEqualTo(b);
    }
}
