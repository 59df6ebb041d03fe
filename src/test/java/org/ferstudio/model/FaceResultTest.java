package org.ferstudio.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class FaceResultTest {

    private static final FaceBox BOX = new FaceBox(10, 20, 30, 40);

    @Test
    void bestLabelConfidenceAndTopK() {
        FaceResult r = new FaceResult(BOX, ClassLabels.FER2013, new float[] {0.05f, 0f, 0.1f, 0.6f, 0.05f, 0.2f, 0f});
        assertThat(r.label()).isEqualTo("Happy");
        assertThat(r.confidence()).isEqualTo(0.6f);
        assertThat(r.topK(2)).extracting(FaceResult.Classification::label).containsExactly("Happy", "Surprise");
        assertThat(r.topK(99)).hasSize(7);
    }

    @Test
    void tiesGoToTheLowestIndexAndArraysAreCopied() {
        float[] p = {0.5f, 0.5f};
        FaceResult r = new FaceResult(BOX, new ClassLabels(java.util.List.of("a", "b")), p);
        p[1] = 1f;
        assertThat(r.label()).isEqualTo("a");
        r.probabilities()[0] = 0f;
        assertThat(r.probability(0)).isEqualTo(0.5f);
    }

    @Test
    void probabilitiesMustMatchTheClasses() {
        assertThatThrownBy(() -> new FaceResult(BOX, ClassLabels.FER2013, new float[3]))
                .hasMessageContaining("3 probabilities for 7 classes");
    }

    @Test
    void boxOverlapAndScaling() {
        FaceBox a = new FaceBox(0, 0, 10, 10);
        assertThat(a.iou(a)).isEqualTo(1.0);
        assertThat(a.iou(new FaceBox(5, 0, 10, 10))).isCloseTo(50.0 / 150.0, offset(1e-12));
        assertThat(a.iou(new FaceBox(20, 20, 5, 5))).isZero();
        assertThat(new FaceBox(10, 20, 30, 40).scaled(2)).isEqualTo(new FaceBox(20, 40, 60, 80));
        assertThatThrownBy(() -> new FaceBox(0, 0, 0, 5)).hasMessageContaining("positive");
    }

    @Test
    void scalingToTheFilesPixelsKeepsScoreAndScalesLandmarks() {
        FaceLandmarks marks = new FaceLandmarks(new FaceLandmarks.Point(10, 20), new FaceLandmarks.Point(30, 20),
                new FaceLandmarks.Point(20, 30), new FaceLandmarks.Point(12, 40), new FaceLandmarks.Point(28, 40));
        FaceResult r = new FaceResult(new FaceBox(5, 10, 30, 40), ClassLabels.FER2013, new float[7], 0.9, marks);

        FaceResult big = r.scaled(3);

        assertThat(big.box()).isEqualTo(new FaceBox(15, 30, 90, 120));
        assertThat(big.score()).isEqualTo(0.9);
        assertThat(big.landmarks().leftEye()).isEqualTo(new FaceLandmarks.Point(90, 60));
        assertThat(big.landmarks().leftMouthCorner()).isEqualTo(new FaceLandmarks.Point(84, 120));
        assertThat(r.scaled(1)).isSameAs(r);
    }
}
