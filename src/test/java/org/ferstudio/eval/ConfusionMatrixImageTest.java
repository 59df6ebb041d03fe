package org.ferstudio.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.ferstudio.model.ClassLabels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfusionMatrixImageTest {

    @TempDir
    Path tmp;

    @Test
    void cellsAreShadedByTheirShareOfTheRow() throws Exception {
        ClassLabels labels = new ClassLabels(List.of("a", "b", "c"));
        // row a: 9 of 10 right; row b: 1 of 10 right (most go to c)
        ConfusionMatrix m = ConfusionMatrix.of(labels, new int[][] {{9, 1, 0}, {0, 1, 9}, {0, 0, 5}});
        Path png = tmp.resolve("cm.png");

        ConfusionMatrixImage.writePng(m, "test", png);

        BufferedImage image = ImageIO.read(png.toFile());
        int aa = darkness(image, 0, 0);
        int bb = darkness(image, 1, 1);
        int bc = darkness(image, 1, 2);
        int ca = darkness(image, 2, 0);
        assertThat(aa).isGreaterThan(bb);
        assertThat(bc).isGreaterThan(bb);
        assertThat(ca).isZero();
    }

    /** 0 for a white cell, larger for deeper shades; sampled near the cell's corner, away from the text. */
    private static int darkness(BufferedImage image, int row, int column) {
        Color c = new Color(image.getRGB(110 + column * 78 + 6, 70 + row * 78 + 6));
        return 255 - c.getRed();
    }
}
