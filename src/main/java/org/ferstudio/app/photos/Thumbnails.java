package org.ferstudio.app.photos;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Small copies of photos for the photo list, made on the worker thread that read the photo. */
final class Thumbnails {

    /** Longest side of a thumbnail, in pixels. */
    static final int SIDE = 96;

    private Thumbnails() {
    }

    /** A copy whose longer side is at most {@code maxSide}; smaller images are copied at their size. */
    static BufferedImage of(BufferedImage image, int maxSide) {
        double scale = Math.min(1.0, (double) maxSide / Math.max(image.getWidth(), image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage current = image;
        // Halve first: one bilinear step from a 4000 px photo to 96 px would sample a few pixels and alias badly.
        while (current.getWidth() >= 2 * width && current.getHeight() >= 2 * height) {
            current = resize(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return resize(current, width, height);
    }

    private static BufferedImage resize(BufferedImage image, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
