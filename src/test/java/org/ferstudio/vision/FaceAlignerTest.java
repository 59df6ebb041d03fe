package org.ferstudio.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.ferstudio.model.FaceBox;
import org.ferstudio.model.FaceLandmarks;
import org.ferstudio.model.FaceLandmarks.Point;
import org.junit.jupiter.api.Test;

class FaceAlignerTest {

    private static final int SIDE = 200;
    private final FaceAligner aligner = new FaceAligner();

    @Test
    void tiltedEyesComeOutLevelAroundTheBoxCentre() {
        // eyes 40 px apart, the image-right one 20 px lower: tilted by atan(20/40) = 26.6 degrees
        Point right = new Point(80, 90);
        Point left = new Point(120, 110);
        GreyImage image = withSpots(right, left);
        FaceBox box = new FaceBox(60, 60, 80, 80);

        FaceAligner.View view = aligner.align(image, box, landmarks(right, left), 0.1);

        assertThat(view.image().width()).isEqualTo(view.image().height()).isGreaterThanOrEqualTo(96);
        assertThat(view.box().width()).isEqualTo(80);
        assertThat(view.box().centerX()).isCloseTo(view.image().width() / 2.0, within(1.0));
        double[] leftSpot = brightCentre(view.image(), 0, view.image().width() / 2);
        double[] rightSpot = brightCentre(view.image(), view.image().width() / 2, view.image().width());
        assertThat(leftSpot[1]).isCloseTo(rightSpot[1], within(1.0));
        assertThat(rightSpot[0] - leftSpot[0]).isCloseTo(Math.hypot(40, 20), within(1.5));
    }

    @Test
    void levelEyesOrNoLandmarksLeaveTheImageAsItIs() {
        GreyImage image = withSpots(new Point(80, 100), new Point(120, 100));
        FaceBox box = new FaceBox(60, 60, 80, 80);

        FaceAligner.View level = aligner.align(image, box, landmarks(new Point(80, 100), new Point(120, 100.3)), 0.1);
        FaceAligner.View none = aligner.align(image, box, null, 0.1);

        assertThat(level.image()).isSameAs(image);
        assertThat(level.box()).isEqualTo(box);
        assertThat(none.image()).isSameAs(image);
    }

    @Test
    void aFaceAtTheImageEdgeIsLevelledWithItsEdgePixelsRepeated() {
        Point right = new Point(5, 10);
        Point left = new Point(30, 25);
        GreyImage image = withSpots(right, left);

        FaceAligner.View view = aligner.align(image, new FaceBox(0, 0, 40, 40), landmarks(right, left), 0.1);

        assertThat(view.image().width()).isGreaterThanOrEqualTo(48);
    }

    private static FaceLandmarks landmarks(Point rightEye, Point leftEye) {
        Point mid = new Point((rightEye.x() + leftEye.x()) / 2, (rightEye.y() + leftEye.y()) / 2 + 20);
        return new FaceLandmarks(rightEye, leftEye, mid, mid, mid);
    }

    private static GreyImage withSpots(Point... spots) {
        byte[] pixels = new byte[SIDE * SIDE];
        for (Point p : spots) {
            for (int dy = -2; dy <= 2; dy++) {
                for (int dx = -2; dx <= 2; dx++) {
                    int x = (int) p.x() + dx;
                    int y = (int) p.y() + dy;
                    if (x >= 0 && y >= 0 && x < SIDE && y < SIDE) {
                        pixels[y * SIDE + x] = (byte) 255;
                    }
                }
            }
        }
        return new GreyImage(SIDE, SIDE, pixels);
    }

    /** Brightness-weighted centre of the columns from..to. */
    private static double[] brightCentre(GreyImage image, int from, int to) {
        double sum = 0;
        double sx = 0;
        double sy = 0;
        for (int y = 0; y < image.height(); y++) {
            for (int x = from; x < to; x++) {
                int v = image.at(x, y);
                sum += v;
                sx += v * x;
                sy += v * y;
            }
        }
        return new double[] {sx / sum, sy / sum};
    }
}
