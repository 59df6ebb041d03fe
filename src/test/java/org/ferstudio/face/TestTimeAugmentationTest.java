package org.ferstudio.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.ferstudio.data.FaceImages;
import org.ferstudio.face.FacePreprocessor;
import org.junit.jupiter.api.Test;

class TestTimeAugmentationTest {

    private static final int PIXELS = FaceTranslator.PIXELS;

    @Test
    void viewCounts() {
        assertThat(TestTimeAugmentation.NONE.views()).isEqualTo(1);
        assertThat(TestTimeAugmentation.FLIP.views()).isEqualTo(2);
        assertThat(TestTimeAugmentation.TENCROP.views()).isEqualTo(10);
    }

    @Test
    void noneIsThePlainNormalisedImage() {
        byte[] image = randomImage(1);
        float[] expected = new float[PIXELS];
        FacePreprocessor.normalise(image, 0, expected, 0);
        float[] out = new float[PIXELS];

        TestTimeAugmentation.NONE.views(image, 0, out, 0);

        assertThat(out).isEqualTo(expected);
    }

    @Test
    void flipAddsTheMirrorAsSecondView() {
        byte[] image = randomImage(2);
        float[] out = new float[2 * PIXELS + 3];

        TestTimeAugmentation.FLIP.views(image, 0, out, 3);

        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 48; x++) {
                assertThat(out[3 + y * 48 + x]).isEqualTo(FacePreprocessor.normalise(image[y * 48 + x]));
                assertThat(out[3 + PIXELS + y * 48 + x]).isEqualTo(FacePreprocessor.normalise(image[y * 48 + 47 - x]));
            }
        }
    }

    @Test
    void tenCropGivesFiveCropsAndTheirMirrors() {
        byte[] image = new byte[PIXELS];
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 48; x++) {
                image[y * 48 + x] = (byte) (x * 5);   // brightness grows to the right
            }
        }
        float[] out = new float[10 * PIXELS];

        TestTimeAugmentation.TENCROP.views(image, 0, out, 0);

        float topLeft = out[0];
        float topRight = out[PIXELS];
        float centre = out[4 * PIXELS];
        assertThat(topLeft).isEqualTo(0f);
        assertThat(topRight).isCloseTo(FacePreprocessor.normalise(6 * 5), within(1e-6f));
        assertThat(centre).isCloseTo(FacePreprocessor.normalise(3 * 5), within(1e-6f));
        assertThat(out[47]).isCloseTo(FacePreprocessor.normalise(41 * 5), within(1e-6f));
        for (int view = 0; view < 5; view++) {
            for (int y = 0; y < 48; y++) {
                for (int x = 0; x < 48; x++) {
                    assertThat(out[(view + 5) * PIXELS + y * 48 + x]).isEqualTo(out[view * PIXELS + y * 48 + 47 - x]);
                }
            }
        }
        for (float v : out) {
            assertThat(v).isBetween(0f, 1f);
        }
    }

    @Test
    void tenCropOfAUniformImageIsUniform() {
        byte[] image = new byte[PIXELS];
        Arrays.fill(image, (byte) 77);
        float[] out = new float[10 * PIXELS];

        TestTimeAugmentation.TENCROP.views(image, 0, out, 0);

        for (float v : out) {
            assertThat(v).isEqualTo(FacePreprocessor.normalise(77));
        }
    }

    @Test
    void parsesCommandLineValues() {
        assertThat(TestTimeAugmentation.parse("none")).isEqualTo(TestTimeAugmentation.NONE);
        assertThat(TestTimeAugmentation.parse("Flip")).isEqualTo(TestTimeAugmentation.FLIP);
        assertThat(TestTimeAugmentation.parse(" TENCROP ")).isEqualTo(TestTimeAugmentation.TENCROP);
        assertThatThrownBy(() -> TestTimeAugmentation.parse("crops"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'crops'").hasMessageContaining("[none, flip, tencrop]");
    }

    private static byte[] randomImage(long seed) {
        byte[] image = new byte[PIXELS];
        new Random(seed).nextBytes(image);
        return image;
    }

    @Test
    void candidatesAreEveryAugmentationForAutoElseTheOneNamed() {
        org.assertj.core.api.Assertions.assertThat(TestTimeAugmentation.candidates("Auto"))
                .containsExactly(TestTimeAugmentation.values());
        org.assertj.core.api.Assertions.assertThat(TestTimeAugmentation.candidates("flip"))
                .containsExactly(TestTimeAugmentation.FLIP);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestTimeAugmentation.candidates("blur"))
                .hasMessageContaining("unknown test-time augmentation 'blur'");
    }
}
