package org.ferstudio.vision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ferstudio.model.FaceBox;
import org.junit.jupiter.api.Test;

class DetectionRecallTest {

    private static final FaceBox LEFT = new FaceBox(0, 0, 10, 10);
    private static final FaceBox RIGHT = new FaceBox(100, 0, 10, 10);

    @Test
    void countsEachTrueFaceAndEachDetectionOnce() {
        FaceBox onLeft = new FaceBox(1, 0, 10, 10);
        FaceBox alsoOnLeft = new FaceBox(0, 1, 10, 10);

        DetectionRecall result = DetectionRecall.evaluate(List.of(onLeft, alsoOnLeft), List.of(LEFT, RIGHT), 0.5);

        assertThat(result).isEqualTo(new DetectionRecall(1, 2, 2));
        assertThat(result.recall()).isEqualTo(0.5);
        assertThat(result.precision()).isEqualTo(0.5);
    }

    @Test
    void aPairCountsFromTheThresholdOn() {
        FaceBox halfOverlap = new FaceBox(5, 0, 10, 10); // IoU 50 / 150 = 1/3

        assertThat(DetectionRecall.evaluate(List.of(halfOverlap), List.of(LEFT), 1.0 / 3).matched()).isEqualTo(1);
        assertThat(DetectionRecall.evaluate(List.of(halfOverlap), List.of(LEFT), 0.34).matched()).isZero();
    }

    @Test
    void assignsEachDetectionToItsBestFreeTruth() {
        // The wide detection overlaps both faces; the tight one only the left: both faces must be found.
        FaceBox tightLeft = new FaceBox(0, 0, 10, 10);
        FaceBox between = new FaceBox(3, 0, 10, 10);
        FaceBox nearLeft = new FaceBox(6, 0, 10, 10);

        DetectionRecall result = DetectionRecall.evaluate(List.of(between, tightLeft), List.of(LEFT, nearLeft), 0.3);

        assertThat(result.matched()).isEqualTo(2);
    }

    @Test
    void nothingToFindAndNothingFoundArePerfect() {
        DetectionRecall none = DetectionRecall.evaluate(List.of(), List.of(), 0.5);

        assertThat(none.recall()).isEqualTo(1.0);
        assertThat(none.precision()).isEqualTo(1.0);
        assertThat(DetectionRecall.evaluate(List.of(), List.of(LEFT), 0.5).recall()).isZero();
    }
}
