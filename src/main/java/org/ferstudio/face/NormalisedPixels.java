package org.ferstudio.face;

import org.ferstudio.data.FaceImages;
import org.ferstudio.face.FacePreprocessor;

/**
 * Pixel access shared by augmentation and test-time views. Every value written goes through
 * {@link FacePreprocessor#normalise}, so the network input scale stays defined in one place.
 */
public final class NormalisedPixels {

    static final int SIDE = FaceTranslator.SIDE;
    static final int LAST = SIDE - 1;

    private NormalisedPixels() {
    }

    /** Normalised bilinear sample at (x, y) in pixel coordinates; outside the image the nearest edge pixel. */
    public static float sample(byte[] src, int off, float x, float y) {
        return FacePreprocessor.normalise(interpolate(src, off, x, y));
    }

    /** Bilinear grey value 0..255; normalising once per sample instead of per tap saves three divisions. */
    private static float interpolate(byte[] src, int off, float x, float y) {
        float cx = Math.max(0f, Math.min(LAST, x));
        float cy = Math.max(0f, Math.min(LAST, y));
        int x0 = (int) cx;
        int y0 = (int) cy;
        int x1 = Math.min(x0 + 1, LAST);
        int y1 = Math.min(y0 + 1, LAST);
        float fx = cx - x0;
        float fy = cy - y0;
        int row0 = off + y0 * SIDE;
        int row1 = off + y1 * SIDE;
        float top = lerp(src[row0 + x0] & 0xFF, src[row0 + x1] & 0xFF, fx);
        float bottom = lerp(src[row1 + x0] & 0xFF, src[row1 + x1] & 0xFF, fx);
        return lerp(top, bottom, fy);
    }

    /** The image mirrored left-right, normalised. */
    public static void mirror(byte[] src, int srcOff, float[] dst, int dstOff) {
        for (int y = 0; y < SIDE; y++) {
            int row = y * SIDE;
            for (int x = 0; x < SIDE; x++) {
                dst[dstOff + row + x] = FacePreprocessor.normalise(src[srcOff + row + LAST - x]);
            }
        }
    }

    /** Mirrors an already normalised image from one place of {@code buffer} to another. */
    public static void mirror(float[] buffer, int srcOff, int dstOff) {
        for (int y = 0; y < SIDE; y++) {
            int row = y * SIDE;
            for (int x = 0; x < SIDE; x++) {
                buffer[dstOff + row + x] = buffer[srcOff + row + LAST - x];
            }
        }
    }

    /** The square {@code size} crop at (left, top), resized back to 48x48 bilinearly, normalised. */
    public static void crop(byte[] src, int srcOff, int left, int top, int size, float[] dst, int dstOff) {
        float scale = (float) size / SIDE;
        for (int y = 0; y < SIDE; y++) {
            float sy = top + Math.max(0f, Math.min(size - 1, (y + 0.5f) * scale - 0.5f));
            for (int x = 0; x < SIDE; x++) {
                float sx = left + Math.max(0f, Math.min(size - 1, (x + 0.5f) * scale - 0.5f));
                dst[dstOff + y * SIDE + x] = sample(src, srcOff, sx, sy);
            }
        }
    }

    private static float lerp(float a, float b, float t) {
        return a + (b - a) * t;
    }
}
