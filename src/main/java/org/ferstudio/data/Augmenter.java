package org.ferstudio.data;

import java.util.Random;
import org.ferstudio.face.FacePreprocessor;
import org.ferstudio.face.FaceTranslator;
import org.ferstudio.face.NormalisedPixels;

/**
 * Makes a randomly changed, normalised copy of a face image for training: one affine transform (shift,
 * rotation, zoom about the centre; bilinear, edges extended), a mirror, brightness and contrast, clipping to
 * [0, 1], then random erasing. All randomness comes from the given {@link Random}, so a seed reproduces an
 * epoch exactly. Stateless and allocation-free per image, so one instance may serve several threads (each
 * with its own Random).
 */
public final class Augmenter {

    private static final int SIDE = FaceTranslator.SIDE;
    private static final int PIXELS = FaceTranslator.PIXELS;
    private static final float CENTRE = (SIDE - 1) / 2f;
    private static final double MIN_ERASED_AREA = 0.02;
    private static final double MAX_ERASED_AREA = 0.2;
    private static final double LOG_MIN_ASPECT = Math.log(0.3);
    private static final double LOG_MAX_ASPECT = Math.log(3.3);

    private final AugmentationConfig config;

    public Augmenter(AugmentationConfig config) {
        this.config = config;
    }

    public AugmentationConfig config() {
        return config;
    }

    /** Writes {@link FaceTranslator#PIXELS} values in [0, 1] for the image at {@code src[srcOff..]}. */
    public void augment(byte[] src, int srcOff, float[] dst, int dstOff, Random rng) {
        if (config.isNone()) {
            FacePreprocessor.normalise(src, srcOff, dst, dstOff);
            return;
        }
        boolean mirror = config.flip() && rng.nextBoolean();
        if (config.changesGeometry()) {
            float shiftX = (float) symmetric(rng, config.maxShiftPx());
            float shiftY = (float) symmetric(rng, config.maxShiftPx());
            double angle = Math.toRadians(symmetric(rng, config.maxRotationDeg()));
            double scale = 1 + symmetric(rng, config.maxScale());
            transform(src, srcOff, dst, dstOff, mirror, shiftX, shiftY, angle, scale);
        } else if (mirror) {
            NormalisedPixels.mirror(src, srcOff, dst, dstOff);
        } else {
            FacePreprocessor.normalise(src, srcOff, dst, dstOff);
        }
        float brightness = (float) symmetric(rng, config.brightness());
        float contrast = (float) (1 + symmetric(rng, config.contrast()));
        if (brightness != 0f || contrast != 1f) {
            adjustLight(dst, dstOff, brightness, contrast);
        }
        if (config.erasingProbability() > 0 && rng.nextDouble() < config.erasingProbability()) {
            erase(dst, dstOff, rng);
        }
    }

    /** Samples each output pixel at the inverse-transformed position, one mapping for all changes. */
    private static void transform(byte[] src, int srcOff, float[] dst, int dstOff, boolean mirror,
                                  float shiftX, float shiftY, double angle, double scale) {
        float cos = (float) (Math.cos(angle) / scale);
        float sin = (float) (Math.sin(angle) / scale);
        for (int y = 0; y < SIDE; y++) {
            float v = y - CENTRE - shiftY;
            for (int x = 0; x < SIDE; x++) {
                float u = (mirror ? SIDE - 1 - x : x) - CENTRE - shiftX;
                float sx = CENTRE + cos * u + sin * v;
                float sy = CENTRE - sin * u + cos * v;
                dst[dstOff + y * SIDE + x] = NormalisedPixels.sample(src, srcOff, sx, sy);
            }
        }
    }

    /** Contrast about the image mean (so it does not also shift brightness), then brightness, clipped. */
    private static void adjustLight(float[] dst, int off, float brightness, float contrast) {
        float sum = 0f;
        for (int i = 0; i < PIXELS; i++) {
            sum += dst[off + i];
        }
        float mean = sum / PIXELS;
        for (int i = 0; i < PIXELS; i++) {
            float v = (dst[off + i] - mean) * contrast + mean + brightness;
            dst[off + i] = Math.max(0f, Math.min(1f, v));
        }
    }

    /**
     * Random erasing (Zhong et al. 2017) with noise. With at most 20% of the area and an aspect ratio of at
     * most 3.3 no side exceeds 39 pixels, so the rectangle always fits and no retry loop is needed.
     */
    private static void erase(float[] dst, int off, Random rng) {
        double area = PIXELS * (MIN_ERASED_AREA + rng.nextDouble() * (MAX_ERASED_AREA - MIN_ERASED_AREA));
        double aspect = Math.exp(LOG_MIN_ASPECT + rng.nextDouble() * (LOG_MAX_ASPECT - LOG_MIN_ASPECT));
        int height = (int) Math.max(1, Math.round(Math.sqrt(area * aspect)));
        int width = (int) Math.max(1, Math.round(Math.sqrt(area / aspect)));
        int top = rng.nextInt(SIDE - height + 1);
        int left = rng.nextInt(SIDE - width + 1);
        for (int y = top; y < top + height; y++) {
            for (int x = left; x < left + width; x++) {
                dst[off + y * SIDE + x] = rng.nextFloat();
            }
        }
    }

    /** Uniform in [-max, max]; no draw when max is 0, so disabled parts do not consume randomness. */
    private static double symmetric(Random rng, double max) {
        return max == 0 ? 0 : (rng.nextDouble() * 2 - 1) * max;
    }
}
