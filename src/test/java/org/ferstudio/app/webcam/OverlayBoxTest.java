package org.ferstudio.app.webcam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ferstudio.infer.video.FrameAnalysis;
import org.ferstudio.infer.video.TrackedFace;
import org.ferstudio.model.ClassLabels;
import javafx.geometry.Point2D;
import org.ferstudio.model.FaceBox;
import org.ferstudio.model.FaceLandmarks;
import org.ferstudio.model.FaceLandmarks.Point;
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
                new OverlayBox(1, new FaceBox(10, 20, 100, 100), "Happy 87%", 3, null),
                new OverlayBox(4, new FaceBox(200, 20, 80, 80), "Sad 56%", 4, null));
    }

    @Test
    void landmarksGoWhereTheLetterboxPutsTheFrame() {
        FaceLandmarks points = new FaceLandmarks(new Point(40, 60), new Point(80, 60), new Point(60, 80),
                new Point(45, 100), new Point(75, 100));
        FaceResult face = new FaceResult(new FaceBox(20, 30, 80, 100), ClassLabels.FER2013,
                new float[] {0.02f, 0.01f, 0.02f, 0.87f, 0.03f, 0.02f, 0.03f}, 0.93, points);
        FrameAnalysis analysis = new FrameAnalysis(0, 0, List.of(new TrackedFace(2, face)), true, 12, 30, 24, 0);
        // a 640x480 frame in a 1280x1200 area: scale 2, 120 px bands above and below
        Letterbox fit = Letterbox.fit(640, 480, 1280, 1200);

        OverlayBox box = OverlayBox.of(analysis).get(0);

        assertThat(box.landmarks()).isEqualTo(points);
        assertThat(box.landmarkDots(fit)).containsExactly(new Point2D(80, 240), new Point2D(160, 240),
                new Point2D(120, 280), new Point2D(90, 320), new Point2D(150, 320));
        assertThat(box.landmarkRadius(fit)).isEqualTo(4.0);
    }

    @Test
    void aFaceWithoutLandmarksHasNoDots() {
        OverlayBox box = new OverlayBox(1, new FaceBox(10, 20, 100, 100), "Happy 87%", 3, null);

        assertThat(box.landmarkDots(Letterbox.fit(640, 480, 640, 480))).isEmpty();
    }

    @Test
    void everyExpressionHasItsOwnColour() {
        assertThat(java.util.stream.IntStream.range(0, 7).mapToObj(OverlayPainter::colour).distinct()).hasSize(7);
    }
}
