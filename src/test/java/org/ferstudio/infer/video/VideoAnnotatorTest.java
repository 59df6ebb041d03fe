package org.ferstudio.infer.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ferstudio.model.ClassLabels;
import org.ferstudio.model.FaceBox;
import org.ferstudio.model.FaceLandmarks;
import org.ferstudio.model.FaceLandmarks.Point;
import org.ferstudio.model.FaceResult;
import org.ferstudio.vision.OpenCvRuntime;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

class VideoAnnotatorTest {

    private static final FaceLandmarks POINTS = new FaceLandmarks(new Point(130, 110), new Point(170, 110),
            new Point(150, 130), new Point(135, 150), new Point(165, 150));

    @Test
    void landmarksAreDrawnOnlyWhenAskedFor() {
        FaceResult face = new FaceResult(new FaceBox(110, 80, 80, 100), ClassLabels.FER2013,
                new float[] {0.02f, 0.01f, 0.02f, 0.87f, 0.03f, 0.02f, 0.03f}, 0.9, POINTS);
        List<TrackedFace> faces = List.of(new TrackedFace(1, face));

        byte[] without = drawn(faces, false);
        byte[] with = drawn(faces, true);

        for (Point p : POINTS.points()) {
            int at = ((int) p.y() * 320 + (int) p.x()) * 3;
            assertThat(without[at]).as("no dot at %s", p).isEqualTo((byte) 50);
            assertThat(with[at]).as("a dot at %s", p).isNotEqualTo((byte) 50);
        }
        // a face without landmarks (Haar) is drawn as before
        FaceResult haar = new FaceResult(face.box(), face.classes(), face.probabilities());
        assertThat(drawn(List.of(new TrackedFace(1, haar)), true)).isEqualTo(without);
    }

    private static byte[] drawn(List<TrackedFace> faces, boolean landmarks) {
        OpenCvRuntime.ensureLoaded();
        try (Frame frame = Frame.of(0, 0, new Mat(240, 320, CvType.CV_8UC3, new Scalar(50, 50, 50)))) {
            VideoAnnotator.draw(frame, faces, landmarks);
            return frame.bgrPixels();
        }
    }
}
