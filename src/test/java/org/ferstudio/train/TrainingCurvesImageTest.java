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
