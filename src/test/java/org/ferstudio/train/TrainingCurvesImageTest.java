package org.ferstudio.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingCurvesImageTest {

    @Test
    void drawsEveryEpochAndRefusesAnEmptyRun() {
        List<EpochResult> history = List.of(
                new EpochResult(1, 3, 1.9, 0.26, 1.5, 0.43, 1e-3, 700, 41, true),
                new EpochResult(2, 3, 1.6, 0.37, 1.4, 0.46, 1e-3, 700, 41, true),
                new EpochResult(3, 3, 1.4, 0.44, 1.45, 0.45, 1e-3, 700, 41, false));

        BufferedImage image = TrainingCurvesImage.draw(history, "run");

        assertThat(image.getWidth()).isGreaterThan(900);
        assertThat(colouredPixels(image, 0xEF6C00)).isGreaterThan(100);
        assertThat(colouredPixels(image, 0x1565C0)).isGreaterThan(100);
        assertThatThrownBy(() -> TrainingCurvesImage.draw(List.of(), "empty"))
                .hasMessageContaining("no epochs");
    }

    @Test
    void drawsTheWeightAverageAndMarksWhereTheRateWasLowered() {
        List<EpochResult> history = List.of(
                new EpochResult(1, 4, 1.9, 0.26, 1.5, 0.43, 0.01, 300, 95, true, 1.55, 0.41),
                new EpochResult(2, 4, 1.6, 0.37, 1.4, 0.46, 0.01, 300, 95, true, 1.42, 0.47),
                new EpochResult(3, 4, 1.4, 0.44, 1.45, 0.45, 0.0075, 300, 95, false, 1.38, 0.48),
                new EpochResult(4, 4, 1.3, 0.47, 1.3, 0.50, 0.005625, 300, 95, true, 1.31, 0.50));

        BufferedImage image = TrainingCurvesImage.draw(history, "run");

        assertThat(colouredPixels(image, 0x2E7D32)).as("the average's line").isGreaterThan(100);
        assertThat(TrainingCurvesImage.rateChanges(history)).extracting(EpochResult::epoch).containsExactly(3, 4);
        assertThat(colouredPixels(TrainingCurvesImage.draw(history.subList(0, 2), "run"), 0x757575))
                .as("no rate change, no mark").isZero();
        assertThat(colouredPixels(image, 0x757575)).isGreaterThan(10);
    }

    private static int colouredPixels(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
