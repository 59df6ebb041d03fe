package org.ferstudio.app.webcam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class FramePixelsTest {

    private static final byte[] TWO_PIXELS = {1, 2, 3, (byte) 250, (byte) 251, (byte) 252};

    @Test
    void bgrBecomesOpaqueBgra() {
        FramePixels pixels = FramePixels.fromBgr(2, 1, TWO_PIXELS);
        assertThat(pixels.bgra()).containsExactly(1, 2, 3, 255, 250, 251, 252, 255);
    }

    @Test
    void theImageForSavingHasTheSameColours() {
        BufferedImage image = FramePixels.fromBgr(2, 1, TWO_PIXELS).toBufferedImage();
        assertThat(image.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x030201);
        assertThat(image.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0xFCFBFA);
    }

    @Test
    void aWrongPixelCountIsRefused() {
        assertThatThrownBy(() -> FramePixels.fromBgr(3, 1, TWO_PIXELS)).isInstanceOf(IllegalArgumentException.class);
    }
}
