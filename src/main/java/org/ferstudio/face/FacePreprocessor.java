package org.ferstudio.face;

import static org.ferstudio.face.FaceTranslator.PIXELS;
import static org.ferstudio.face.FaceTranslator.SIDE;

import org.ferstudio.model.FaceBox;
import org.ferstudio.vision.GreyImage;
import org.ferstudio.vision.RowLuminance;
import java.awt.image.BufferedImage;

/**
 * The face translator's pixel operations, shared by training and inference so both see the same pixels:
 * resize to 48x48 ({@link FaceTranslator#SIDE}), face crop, then {@link #normalise}. Stateless and thread-safe.
 */
public final class FacePreprocessor {

    /** What this preprocessing does, as model cards record it. */
    public static final String DESCRIPTION = "grey, face crop, resize 48x48, x/255";

    /**
     * Converts any image to 48x48 grey values 0..255 (ITU-R 601 luminance), row-major. Shrinking averages
     * the covered source area, enlarging interpolates bilinearly. Alpha is ignored, as OpenCV's imread and
     * Pillow's convert("L") do, so a transparent PNG gives the same face as its opaque version.
     */
    public byte[] toGrey48(BufferedImage img) {
        int width = img.getWidth();
        int height = img.getHeight();
        return resizeTo48(width, height, RowLuminance.of(img));
    }

    /**
     * Margin added around a detector's box on every side, as a share of the box: Haar boxes are tight
     * (brows to chin), FER2013's crops show a little more (forehead, chin, some hair).
     */
    public static final double DEFAULT_MARGIN = 0.1;

    /**
     * The face in {@code box} as a 48x48 network face: a square around the box's centre, its side the
     * box's larger side plus {@code margin} on each side, edge pixels repeated where it leaves the image,
     * resized exactly as {@link #toGrey48} resizes.
     */
    public byte[] cropFace(GreyImage image, FaceBox box, double margin) {
        int side = Math.max(1, (int) Math.round(Math.max(box.width(), box.height()) * (1 + 2 * margin)));
        int left = (int) Math.round(box.centerX() - side / 2.0);
        int top = (int) Math.round(box.centerY() - side / 2.0);
        RowLuminance rows = (y, out) -> {
            int sy = Math.max(0, Math.min(image.height() - 1, top + y));
            for (int x = 0; x < side; x++) {
                int sx = Math.max(0, Math.min(image.width() - 1, left + x));
                out[x] = image.pixels()[sy * image.width() + sx] & 0xFF;
            }
        };
        return resizeTo48(side, side, rows);
    }

    /** Area-average (or bilinear) resize of width x height rows to 48x48 grey bytes: the one resize path. */
    private static byte[] resizeTo48(int width, int height, RowLuminance rows) {
        ResampleKernel horizontal = ResampleKernel.of(width, SIDE);
        ResampleKernel vertical = ResampleKernel.of(height, SIDE);
        // Horizontal pass row by row, so a large photo never needs a full-size float copy.
        float[] narrowed = new float[height * SIDE];
        float[] row = new float[width];
        for (int y = 0; y < height; y++) {
            rows.read(y, row);
            horizontal.apply(row, 0, 1, narrowed, y * SIDE, 1);
        }
        float[] resized = new float[PIXELS];
        for (int x = 0; x < SIDE; x++) {
            vertical.apply(narrowed, x, SIDE, resized, x, SIDE);
        }
        byte[] grey = new byte[PIXELS];
        for (int i = 0; i < PIXELS; i++) {
            grey[i] = (byte) Math.max(0, Math.min(255, Math.round(resized[i])));
        }
        return grey;
    }

    /** Network input normalisation of {@link #PIXELS} grey bytes: v / 255, so 0..1. */
    public static void normalise(byte[] grey, int srcOff, float[] dst, int dstOff) {
        for (int i = 0; i < PIXELS; i++) {
            dst[dstOff + i] = normalise(grey[srcOff + i]);
        }
    }

    /** Network input normalisation of one grey value 0..255 (a raw signed byte is accepted too). */
    public static float normalise(int greyValue) {
        return (greyValue & 0xFF) / 255f;
    }

    /** The same normalisation for an interpolated grey value 0..255, as augmentation produces. */
    public static float normalise(float greyValue) {
        return greyValue / 255f;
    }

    /**
     * Source taps and weights for each output position along one axis: exact area coverage when shrinking
     * (a box filter, no aliasing), bilinear between pixel centres when enlarging, identity at equal size.
     */
    private record ResampleKernel(int[] first, int[] count, float[][] weights) {

        static ResampleKernel of(int srcSize, int dstSize) {
            int[] first = new int[dstSize];
            int[] count = new int[dstSize];
            float[][] weights = new float[dstSize][];
            double scale = (double) srcSize / dstSize;
            for (int i = 0; i < dstSize; i++) {
                if (srcSize > dstSize) {
                    area(i, scale, srcSize, first, count, weights);
                } else {
                    bilinear(i, scale, srcSize, first, count, weights);
                }
            }
            return new ResampleKernel(first, count, weights);
        }

        private static void area(int i, double scale, int srcSize, int[] first, int[] count, float[][] weights) {
            double lo = i * scale;
            double hi = (i + 1) * scale;
            int start = (int) Math.floor(lo);
            int end = Math.min(srcSize, (int) Math.ceil(hi));
            first[i] = start;
            count[i] = end - start;
            weights[i] = new float[end - start];
            for (int j = start; j < end; j++) {
                double overlap = Math.min(hi, j + 1) - Math.max(lo, j);
                weights[i][j - start] = (float) (overlap / scale);
            }
        }

        private static void bilinear(int i, double scale, int srcSize, int[] first, int[] count, float[][] weights) {
            double centre = Math.max(0, Math.min(srcSize - 1, (i + 0.5) * scale - 0.5));
            int left = (int) Math.floor(centre);
            float fraction = (float) (centre - left);
            if (fraction == 0f || left + 1 >= srcSize) {
                first[i] = left;
                count[i] = 1;
                weights[i] = new float[] {1f};
            } else {
                first[i] = left;
                count[i] = 2;
                weights[i] = new float[] {1f - fraction, fraction};
            }
        }

        /** Resamples one line read from {@code src} with a stride into {@code dst} with a stride. */
        void apply(float[] src, int srcOff, int srcStride, float[] dst, int dstOff, int dstStride) {
            for (int i = 0; i < first.length; i++) {
                float sum = 0f;
                float[] w = weights[i];
                int s = srcOff + first[i] * srcStride;
                for (int k = 0; k < count[i]; k++, s += srcStride) {
                    sum += w[k] * src[s];
                }
                dst[dstOff + i * dstStride] = sum;
            }
        }
    }
}
