package org.ferstudio.vision;

import java.awt.image.BufferedImage;

/**
 * An 8-bit grey image, row-major: what detection and the face preprocessing work on, whether the
 * pixels came from a photo (Java imaging) or a video frame (OpenCV). Keeps OpenCV and AWT types out of
 * the interfaces between them.
 */
public record GreyImage(int width, int height, byte[] pixels) {

    public GreyImage {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if (pixels.length != width * height) {
            throw new IllegalArgumentException(pixels.length + " pixels for a " + width + "x" + height + " image");
        }
    }

    /**
     * The whole image as grey values ({@link RowLuminance}, ITU-R 601). Alpha is ignored, as OpenCV's imread
     * and Pillow's convert("L") do.
     */
    public static GreyImage of(BufferedImage img) {
        int width = img.getWidth();
        int height = img.getHeight();
        RowLuminance rows = RowLuminance.of(img);
        float[] row = new float[width];
        byte[] grey = new byte[width * height];
        for (int y = 0; y < height; y++) {
            rows.read(y, row);
            for (int x = 0; x < width; x++) {
                grey[y * width + x] = (byte) Math.max(0, Math.min(255, Math.round(row[x])));
            }
        }
        return new GreyImage(width, height, grey);
    }

    public int at(int x, int y) {
        return pixels[y * width + x] & 0xFF;
    }
}
