package org.ferstudio.vision;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.lang.reflect.Array;

/**
 * The EXIF orientation tag (0x0112): how the stored pixels must be turned to be shown upright. Cameras store
 * the sensor's pixels and set this tag instead of rotating, so a portrait phone photo is stored sideways.
 */
enum ExifOrientation {
    // Each value says how a displayed line is taken from the stored image: from a stored row or (transposed)
    // a stored column, taken from the far end first (reverseLines), and read backwards (reverseAlong).
    TOP_LEFT(1, false, false, false),
    TOP_RIGHT(2, false, false, true),
    BOTTOM_RIGHT(3, false, true, true),
    BOTTOM_LEFT(4, false, true, false),
    LEFT_TOP(5, true, false, false),
    RIGHT_TOP(6, true, false, true),
    RIGHT_BOTTOM(7, true, true, true),
    LEFT_BOTTOM(8, true, true, false);

    private final int tagValue;
    private final boolean transposed;
    private final boolean reverseLines;
    private final boolean reverseAlong;

    ExifOrientation(int tagValue, boolean transposed, boolean reverseLines, boolean reverseAlong) {
        this.tagValue = tagValue;
        this.transposed = transposed;
        this.reverseLines = reverseLines;
        this.reverseAlong = reverseAlong;
    }

    int tagValue() {
        return tagValue;
    }

    /** The orientation for a tag value; values outside 1..8 (seen in broken files) mean upright. */
    static ExifOrientation ofTag(int tagValue) {
        for (ExifOrientation o : values()) {
            if (o.tagValue == tagValue) {
                return o;
            }
        }
        return TOP_LEFT;
    }

    /** The image as it should be shown: the same image when upright, else a turned copy of the same type. */
    BufferedImage apply(BufferedImage stored) {
        if (this == TOP_LEFT) {
            return stored;
        }
        Raster src = stored.getRaster();
        int width = transposed ? stored.getHeight() : stored.getWidth();
        int height = transposed ? stored.getWidth() : stored.getHeight();
        // From the raster, not the colour model: keeps the band layout, so a TYPE_3BYTE_BGR photo stays one
        // rather than becoming a slower TYPE_CUSTOM image.
        WritableRaster dst = src.createCompatibleWritableRaster(width, height);
        // Whole lines in the raster's own storage type (no per-sample conversion): a 12 MP photo turns in well
        // under a second.
        int elementsPerPixel = src.getNumDataElements();
        Object line = null;
        Object reversed = null;
        for (int y = 0; y < height; y++) {
            int srcLine = reverseLines ? height - 1 - y : y;
            line = transposed ? src.getDataElements(srcLine, 0, 1, width, line)
                    : src.getDataElements(0, srcLine, width, 1, line);
            if (reverseAlong) {
                reversed = reversed == null ? copyShape(line) : reversed;
                reverse(line, width, elementsPerPixel, reversed);
            }
            dst.setDataElements(0, y, width, 1, reverseAlong ? reversed : line);
        }
        ColorModel cm = stored.getColorModel();
        return new BufferedImage(cm, dst, cm.isAlphaPremultiplied(), null);
    }

    /** The pixels of {@code line} in opposite order, each pixel's storage elements kept together. */
    private static void reverse(Object line, int pixels, int elementsPerPixel, Object out) {
        for (int p = 0; p < pixels; p++) {
            System.arraycopy(line, p * elementsPerPixel, out, (pixels - 1 - p) * elementsPerPixel, elementsPerPixel);
        }
    }

    private static Object copyShape(Object array) {
        return Array.newInstance(array.getClass().getComponentType(), Array.getLength(array));
    }
}
