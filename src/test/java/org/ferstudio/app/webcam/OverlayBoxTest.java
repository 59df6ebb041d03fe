package org.ferstudio.app.webcam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ferstudio.infer.video.FrameAnalysis;
import org.ferstudio.infer.video.TrackedFace;
import org.ferstudio.model.ClassLabels;
import org.ferstudio.model.FaceBox;
import org.ferstudio.model.FaceResult;
import org.junit.jupiter.api.Test;

class OverlayBoxTest {

    @Test
    void eachTrackedFaceGetsItsBoxCaptionAndColourClass() {
        FaceResult happy = new FaceResult(new FaceBox(10, 20, 100, 100), ClassLabels.FER2013,
                new float[] {0.02f, 0.01f, 0.02f, 0.87f, 0.03f, 0.02f, 0.03f});
        FaceResult sad = new FaceResult(new FaceBox(200, 20, 80, 80), ClassLabels.FER2013,
                new float[] {0.1f, 0.0f, 0.1f, 0.0f, 0.555f, 0.1f, 0.145f});
        FrameAnalysis analysis = new FrameAnalysis(7, 280, List.of(new TrackedFace(1, happy), new TrackedFace(4, sad)),
                true, 12, 30, 24, 0);

        assertThat(OverlayBox.of(analysis)).containsExactly(
                new OverlayBox(1, new FaceBox(10, 20, 100, 100), "Happy 87%", 3),
                new OverlayBox(4, new FaceBox(200, 20, 80, 80), "Sad 56%", 4));
    }

    @Test
    void everyExpressionHasItsOwnColour() {
        assertThat(java.util.stream.IntStream.range(0, 7).mapToObj(OverlayPainter::colour).distinct()).hasSize(7);
    }
}
