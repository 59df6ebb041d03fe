package org.ferstudio.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.ferstudio.face.FacePreprocessor;
import org.ferstudio.face.FaceTranslator;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class AugmenterTest {

    private static final Logger LOG = LoggerFactory.getLogger(AugmenterTest.class);
    private static final int PIXELS = FaceTranslator.PIXELS;

    @Test
    void noneGivesExactlyThePlainNormalisation() {
        byte[] images = randomImages(3, 1);
        float[] expected = new float[PIXELS];
        float[] actual = new float[PIXELS + 5];
        Augmenter augmenter = new Augmenter(AugmentationConfig.none());

        for (int i = 0; i < 3; i++) {
            FacePreprocessor.normalise(images, i * PIXELS, expected, 0);
            augmenter.augment(images, i * PIXELS, actual, 5, new Random(i));
            for (int p = 0; p < PIXELS; p++) {
                assertThat(actual[5 + p]).isEqualTo(expected[p]);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameOutput() {
        byte[] image = randomImages(1, 2);
        Augmenter augmenter = new Augmenter(AugmentationConfig.standard());

        float[] first = augmentMany(augmenter, image, new Random(7));
        float[] second = augmentMany(augmenter, image, new Random(7));
        float[] other = augmentMany(augmenter, image, new Random(8));

        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void staysInTheUnitRange() {
        byte[] image = randomImages(1, 3);
        AugmentationConfig strong = new AugmentationConfig(true, 8, 30, 0.3, 0.5, 0.8, 1.0);
        float[] out = augmentMany(new Augmenter(strong), image, new Random(1));

        for (float v : out) {
            assertThat(v).isBetween(0f, 1f);
        }
    }

    @Test
    void aFlipOnlyConfigGivesTheImageOrItsExactMirror() {
        byte[] image = randomImages(1, 4);
        AugmentationConfig flipOnly = new AugmentationConfig(true, 0, 0, 0, 0, 0, 0);
        Augmenter augmenter = new Augmenter(flipOnly);
        float[] plain = new float[PIXELS];
        FacePreprocessor.normalise(image, 0, plain, 0);
        Random rng = new Random(3);
        int mirrored = 0;

        for (int n = 0; n < 20; n++) {
            float[] out = new float[PIXELS];
            augmenter.augment(image, 0, out, 0, rng);
            if (out[0] != plain[0] || out[47] != plain[47]) {
                mirrored++;
                for (int y = 0; y < 48; y++) {
                    for (int x = 0; x < 48; x++) {
                        assertThat(out[y * 48 + x]).isEqualTo(plain[y * 48 + 47 - x]);
                    }
                }
            } else {
                assertThat(out).isEqualTo(plain);
            }
        }
        assertThat(mirrored).isBetween(1, 19);
    }

    @Test
    void aSmallShiftMovesTheImage() {
        byte[] image = new byte[PIXELS];
        image[24 * 48 + 24] = (byte) 255;   // one bright pixel at the centre
        AugmentationConfig shiftOnly = new AugmentationConfig(false, 3, 0, 0, 0, 0, 0);
        float[] out = new float[PIXELS];

        new Augmenter(shiftOnly).augment(image, 0, out, 0, new Random(5));

        float total = 0;
        for (float v : out) {
            total += v;
        }
        assertThat(total).isCloseTo(1f, org.assertj.core.api.Assertions.within(0.01f)); // bilinear keeps the mass
        assertThat(out[24 * 48 + 24]).isLessThan(1f);
    }

    @Test
    void measuresThroughput() {
        byte[] images = randomImages(256, 5);
        float[] out = new float[PIXELS];
        Augmenter augmenter = new Augmenter(AugmentationConfig.standard());
        Random rng = new Random(1);
        for (int i = 0; i < 5_000; i++) {   // warm-up for the JIT
            augmenter.augment(images, (i % 256) * PIXELS, out, 0, rng);
        }
        int n = 20_000;
        long started = System.nanoTime();
        for (int i = 0; i < n; i++) {
            augmenter.augment(images, (i % 256) * PIXELS, out, 0, rng);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        LOG.info("Augmenter (standard): {} images/s on one thread", Math.round(n / seconds));
        assertThat(out[0]).isBetween(0f, 1f);
    }

    private static float[] augmentMany(Augmenter augmenter, byte[] image, Random rng) {
        float[] out = new float[20 * PIXELS];
        for (int i = 0; i < 20; i++) {
            augmenter.augment(image, 0, out, i * PIXELS, rng);
        }
        return out;
    }

    private static byte[] randomImages(int count, long seed) {
        byte[] images = new byte[count * PIXELS];
        new Random(seed).nextBytes(images);
        return images;
    }

    @Test
    void theAugmentOptionParsesStandardOrNoneAndNamesItselfOtherwise() {
        org.assertj.core.api.Assertions.assertThat(AugmentationConfig.parse("Standard"))
                .isEqualTo(AugmentationConfig.standard());
        org.assertj.core.api.Assertions.assertThat(AugmentationConfig.parse("none").isNone()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AugmentationConfig.parse("heavy"))
                .hasMessage("--augment must be standard, strong or none, got 'heavy'");
    }

    @Test
    void theStrongPresetZoomsEitherWayAndShiftsAFifthOfTheSide() {
        AugmentationConfig strong = AugmentationConfig.parse(" STRONG ");

        assertThat(strong).isEqualTo(AugmentationConfig.strong());
        assertThat(strong.maxScale()).isEqualTo(0.2);          // zoom 0.8..1.2
        assertThat(strong.maxShiftPx()).isEqualTo(10);         // 20% of 48 is 9.6
        AugmentationConfig standard = AugmentationConfig.standard();
        assertThat(strong).isEqualTo(new AugmentationConfig(standard.flip(), 10, standard.maxRotationDeg(), 0.2,
                standard.brightness(), standard.contrast(), standard.erasingProbability()));
        assertThat(strong.presetName()).isEqualTo("strong");
        assertThat(standard.presetName()).isEqualTo("standard");
        assertThat(AugmentationConfig.none().presetName()).isEqualTo("none");
        assertThat(new AugmentationConfig(true, 1, 0, 0, 0, 0, 0).presetName()).isEqualTo("custom");
        for (String name : new String[] {"standard", "strong", "none"}) {
            assertThat(AugmentationConfig.parse(name).presetName()).isEqualTo(name);
        }
    }

    @Test
    void theStrongPresetIsReproducibleAndStaysInTheUnitRange() {
        byte[] image = randomImages(1, 11);
        Augmenter augmenter = new Augmenter(AugmentationConfig.strong());

        float[] first = augmentMany(augmenter, image, new Random(3));
        float[] second = augmentMany(augmenter, image, new Random(3));

        assertThat(second).isEqualTo(first);
        for (float v : first) {
            assertThat(v).isBetween(0f, 1f);
        }
    }

    @Test
    void zoomGoesBothWaysAndZoomingOutRepeatsTheEdgeInsteadOfBlack() {
        byte[] image = new byte[PIXELS];
        java.util.Arrays.fill(image, (byte) 128);   // grey surround
        for (int y = 12; y < 36; y++) {
            for (int x = 12; x < 36; x++) {
                image[y * 48 + x] = (byte) 255;     // a white 24x24 "face", 576 pixels
            }
        }
        Augmenter zoomOnly = new Augmenter(new AugmentationConfig(false, 0, 0, 0.2, 0, 0, 0));
        float grey = FacePreprocessor.normalise(128f);
        float white = FacePreprocessor.normalise(255f);
        Random rng = new Random(9);
        double smallest = Double.MAX_VALUE;
        double largest = 0;

        for (int n = 0; n < 60; n++) {
            float[] out = new float[PIXELS];
            zoomOnly.augment(image, 0, out, 0, rng);
            double whiteArea = 0;
            for (float v : out) {
                assertThat(v).isGreaterThanOrEqualTo(grey - 1e-6f);   // the border is filled with the edge's grey
                whiteArea += (v - grey) / (white - grey);
            }
            smallest = Math.min(smallest, whiteArea);
            largest = Math.max(largest, whiteArea);
        }

        // scale 0.8 leaves 0.64 of the area, 1.2 gives 1.44 of it; 60 draws reach beyond 0.9 and 1.1 both ways
        assertThat(smallest).isBetween(0.6 * 576, 0.81 * 576);
        assertThat(largest).isBetween(1.21 * 576, 1.5 * 576);
    }

    @Test
    void theStrongShiftMovesUpToTenPixels() {
        byte[] image = new byte[PIXELS];
        image[24 * 48 + 24] = (byte) 255;
        Augmenter shiftOnly = new Augmenter(new AugmentationConfig(false, 10, 0, 0, 0, 0, 0));
        Random rng = new Random(4);
        double farthest = 0;

        for (int n = 0; n < 40; n++) {
            float[] out = new float[PIXELS];
            shiftOnly.augment(image, 0, out, 0, rng);
            double mass = 0;
            double sx = 0;
            double sy = 0;
            for (int i = 0; i < PIXELS; i++) {
                mass += out[i];
                sx += out[i] * (i % 48);
                sy += out[i] * (i / 48);
            }
            double dx = Math.abs(sx / mass - 24);
            double dy = Math.abs(sy / mass - 24);
            assertThat(Math.max(dx, dy)).isLessThanOrEqualTo(10.001);
            farthest = Math.max(farthest, Math.max(dx, dy));
        }

        assertThat(farthest).isGreaterThan(8);
    }
}
