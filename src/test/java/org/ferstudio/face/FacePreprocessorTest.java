package org.ferstudio.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class FacePreprocessorTest {

    private final FacePreprocessor preprocessor = new FacePreprocessor();

    @Test
    void keepsA48x48GreyImageExactly() {
        BufferedImage img = new BufferedImage(48, 48, BufferedImage.TYPE_BYTE_GRAY);
        byte[] expected = new byte[FaceTranslator.PIXELS];
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 48; x++) {
                int v = (x * 5 + y * 3) % 256;
                img.getRaster().setSample(x, y, 0, v);
                expected[y * 48 + x] = (byte) v;
            }
        }

        assertThat(preprocessor.toGrey48(img)).isEqualTo(expected);
    }

    @Test
    void greyValuesAreNotGammaShiftedOnTheWayThroughAPng() throws IOException {
        BufferedImage img = new BufferedImage(48, 48, BufferedImage.TYPE_BYTE_GRAY);
        fill(img, (x, y) -> 100);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);

        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png.toByteArray()));

        assertThat(preprocessor.toGrey48(decoded)).containsOnly((byte) 100);
    }

    @Test
    void usesItu601LuminanceWeights() {
        assertThat(greyOfUniform(BufferedImage.TYPE_INT_RGB, 0xFF0000)).isEqualTo(76);   // 0.299 * 255
        assertThat(greyOfUniform(BufferedImage.TYPE_INT_RGB, 0x00FF00)).isEqualTo(150);  // 0.587 * 255
        assertThat(greyOfUniform(BufferedImage.TYPE_INT_RGB, 0x0000FF)).isEqualTo(29);   // 0.114 * 255
        assertThat(greyOfUniform(BufferedImage.TYPE_3BYTE_BGR, 0x0A141E)).isEqualTo(18); // 2.99 + 11.74 + 3.42
        assertThat(greyOfUniform(BufferedImage.TYPE_INT_RGB, 0xFFFFFF)).isEqualTo(255);
    }

    @Test
    void ignoresAlpha() {
        BufferedImage translucent = new BufferedImage(10, 10, BufferedImage.TYPE_INT_ARGB);
        fill(translucent, (x, y) -> 0x00_40_80_C0);
        BufferedImage opaque = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        fill(opaque, (x, y) -> 0x40_80_C0);

        assertThat(preprocessor.toGrey48(translucent)).isEqualTo(preprocessor.toGrey48(opaque));
    }

    @Test
    void scales16BitGreyToEightBits() {
        BufferedImage img = new BufferedImage(48, 48, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 48; x++) {
                img.getRaster().setSample(x, y, 0, x < 24 ? 65535 : 128 * 257);
            }
        }

        byte[] grey = preprocessor.toGrey48(img);

        assertThat(grey[0] & 0xFF).isEqualTo(255);
        assertThat(grey[47] & 0xFF).isEqualTo(128);
    }

    @Test
    void readsGreyWithAlphaAnd16BitRgb() {
        ComponentColorModel greyAlpha = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        BufferedImage grey = new BufferedImage(greyAlpha, greyAlpha.createCompatibleWritableRaster(8, 8), false, null);
        ComponentColorModel rgb16 = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        BufferedImage deep = new BufferedImage(rgb16, rgb16.createCompatibleWritableRaster(8, 8), false, null);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                grey.getRaster().setPixel(x, y, new int[] {90, 0});
                deep.getRaster().setPixel(x, y, new int[] {65535, 0, 0});
            }
        }

        assertThat(preprocessor.toGrey48(grey)).containsOnly((byte) 90);
        assertThat(preprocessor.toGrey48(deep)).containsOnly((byte) 76);
    }

    @Test
    void readsIndexedAndBinaryImagesThroughTheirPalette() {
        IndexColorModel palette = new IndexColorModel(8, 2, new byte[] {0, (byte) 255}, new byte[] {0, 0},
                new byte[] {0, 0});
        BufferedImage indexed = new BufferedImage(20, 20, BufferedImage.TYPE_BYTE_INDEXED, palette);
        fill(indexed, (x, y) -> 0xFF0000);
        BufferedImage binary = new BufferedImage(20, 20, BufferedImage.TYPE_BYTE_BINARY);
        fill(binary, (x, y) -> 0xFFFFFF);

        assertThat(preprocessor.toGrey48(indexed)).containsOnly((byte) 76);
        assertThat(preprocessor.toGrey48(binary)).containsOnly((byte) 255);
    }

    @Test
    void shrinkingAveragesTheCoveredArea() {
        // 96x96 of 2x2 blocks: a checkerboard of 0 and 200 inside each block averages to 100
        BufferedImage img = new BufferedImage(96, 96, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 96; y++) {
            for (int x = 0; x < 96; x++) {
                img.getRaster().setSample(x, y, 0, (x + y) % 2 == 0 ? 0 : 200);
            }
        }

        assertThat(preprocessor.toGrey48(img)).containsOnly((byte) 100);
    }

    @Test
    void enlargingInterpolatesBetweenPixelCentres() {
        BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setSample(0, 0, 0, 0);
        img.getRaster().setSample(1, 0, 0, 240);

        byte[] grey = preprocessor.toGrey48(img);

        assertThat(grey[0] & 0xFF).isZero();        // left of the first centre: edge value
        assertThat(grey[47] & 0xFF).isEqualTo(240);
        assertThat(grey[24] & 0xFF).isBetween(120, 130);
        for (int x = 1; x < 48; x++) {
            assertThat(grey[x] & 0xFF).isGreaterThanOrEqualTo(grey[x - 1] & 0xFF);
        }
        assertThat(grey[47 * 48 + 24]).isEqualTo(grey[24]);
    }

    @Test
    void isDeterministicForNonSquareImages() {
        BufferedImage img = new BufferedImage(131, 77, BufferedImage.TYPE_INT_RGB);
        fill(img, (x, y) -> (x * 7919 + y * 104729) & 0xFFFFFF);

        assertThat(preprocessor.toGrey48(img)).hasSize(2304).isEqualTo(preprocessor.toGrey48(img));
    }

    @Test
    void normalisesToTheUnitRange() {
        assertThat(FacePreprocessor.normalise(0)).isZero();
        assertThat(FacePreprocessor.normalise(255)).isEqualTo(1f);
        assertThat(FacePreprocessor.normalise((byte) -1)).isEqualTo(1f);
        assertThat(FacePreprocessor.normalise(51)).isCloseTo(0.2f, within(1e-7f));

        byte[] grey = new byte[FaceTranslator.PIXELS + 3];
        grey[3] = (byte) 255;
        grey[4] = (byte) 51;
        float[] dst = new float[FaceTranslator.PIXELS + 2];
        FacePreprocessor.normalise(grey, 3, dst, 2);

        assertThat(dst[0]).isZero();
        assertThat(dst[2]).isEqualTo(1f);
        assertThat(dst[3]).isEqualTo(51 / 255f);
    }

    private int greyOfUniform(int type, int rgb) {
        BufferedImage img = new BufferedImage(5, 5, type);
        fill(img, (x, y) -> rgb);
        byte[] grey = preprocessor.toGrey48(img);
        assertThat(grey).containsOnly(grey[0]);
        return grey[0] & 0xFF;
    }

    private interface Pattern {
        int argb(int x, int y);
    }

    private static void fill(BufferedImage img, Pattern pattern) {
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (img.getType() == BufferedImage.TYPE_BYTE_GRAY) {
                    img.getRaster().setSample(x, y, 0, pattern.argb(x, y));
                } else {
                    img.setRGB(x, y, pattern.argb(x, y));
                }
            }
        }
    }
}
