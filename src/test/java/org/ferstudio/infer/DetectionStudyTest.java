package org.ferstudio.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ferstudio.model.DetectedFace;
import org.ferstudio.model.FaceBox;
import org.ferstudio.model.FaceLandmarks;
import org.ferstudio.model.FaceLandmarks.Point;
import org.junit.jupiter.api.Test;

/** The landmark framing fit of the DetectionStudy tool recovers a known formula, outliers aside. */
class DetectionStudyTest {

    @Test
    void theCompactLandmarkFitRecoversTheFormulaTheBoxesWereMadeWith() {
        Random random = new Random(3);
        List<DetectedFace> yunet = new ArrayList<>();
        List<FaceBox> haar = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int w = 80 + random.nextInt(80);
            int h = (int) Math.round(w * (1.2 + 0.2 * random.nextDouble()));
            FaceBox box = new FaceBox(100 + random.nextInt(40), 100 + random.nextInt(40), w, h);
            double eyeX = box.centerX() + w * (random.nextDouble() - 0.5) * 0.2;
            double eyeY = box.centerY() - h * (0.1 + 0.1 * random.nextDouble());
            double mouthX = box.centerX() + w * (random.nextDouble() - 0.5) * 0.2;
            double mouthY = box.centerY() + h * (0.2 + 0.1 * random.nextDouble());
            double eyes = w * (0.35 + 0.1 * random.nextDouble());
            FaceLandmarks l = new FaceLandmarks(new Point(eyeX - eyes / 2, eyeY), new Point(eyeX + eyes / 2, eyeY),
                    new Point((eyeX + mouthX) / 2, (eyeY + mouthY) / 2), new Point(mouthX - w * 0.15, mouthY),
                    new Point(mouthX + w * 0.15, mouthY));
            DetectedFace face = new DetectedFace(box, 0.9, l);
            // Haar's square: centre 0.7 of the way from the box centre to the eyes plus 0.3 to the mouth (x), a
            // fixed drop and the eyes' height (y), side from the eye distance and eye-to-mouth distance
            double cx = box.centerX() + 0.01 * w + 0.7 * (eyeX - box.centerX()) + 0.3 * (mouthX - box.centerX());
            double cy = box.centerY() + 0.1 * w + 0.9 * (eyeY - box.centerY());
            double side = 0.5 * w + 1.2 * eyes + 0.3 * Math.hypot(mouthX - eyeX, mouthY - eyeY);
            if (i % 50 == 0) {
                side *= 2; // a Haar box on something else: the refit leaves it out
            }
            int s = (int) Math.round(side);
            haar.add(new FaceBox((int) Math.round(cx - s / 2.0), (int) Math.round(cy - s / 2.0), s, s));
            yunet.add(face);
        }
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        DetectionStudy.LandmarkFit fit = DetectionStudy.LandmarkFit.fit("compact", DetectionStudy.LandmarkFit.COMPACT,
                yunet, haar, out);

        // whole-pixel boxes: the coefficients to about a hundredth
        assertThat(fit.cx()).containsExactly(new double[] {0.01, 0.7, 0.3}, within(0.02));
        assertThat(fit.cy()[1]).isCloseTo(0.9, within(0.03));
        assertThat(fit.side()).containsExactly(new double[] {0.5, 1.2, 0.3}, within(0.05));
        FaceBox predicted = fit.apply(yunet.get(1));
        assertThat(predicted.iou(haar.get(1))).isGreaterThan(0.95);
    }
}
