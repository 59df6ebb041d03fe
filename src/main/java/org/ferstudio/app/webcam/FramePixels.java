package org.ferstudio.app.webcam;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * A video frame's pixels ready for display: 4 bytes per pixel in B, G, R, A order, alpha opaque. That is
 * JavaFX's own image layout (premultiplied BGRA, which opaque pixels already are), so the view copies it
 * into its image without a per-pixel conversion on the FX thread; the conversion from the decoder's BGR
 * happens on the video thread. Never modified after creation, so it may be read from any thread; not a
 * record, whose equality would compare the arrays by identity.
 */
public final class FramePixels {

    private final int width;
    private final int height;
    private final byte[] bgra;

    private FramePixels(int width, int height, byte[] bgra) {
        this.width = width;
        this.height = height;
        this.bgra = bgra;
    }

    /** Converts 3-byte BGR pixels (as {@code Frame.bgrPixels()} gives them) of a {@code width x height} frame. */
    public static FramePixels fromBgr(int width, int height, byte[] bgr) {
        if (width <= 0 || height <= 0 || bgr.length != width * height * 3) {
            throw new IllegalArgumentException(bgr.length + " bytes for a BGR frame of " + width + "x" + height);
        }
        byte[] bgra = new byte[width * height * 4];
        for (int from = 0, to = 0; from < bgr.length; from += 3, to += 4) {
            bgra[to] = bgr[from];
            bgra[to + 1] = bgr[from + 1];
            bgra[to + 2] = bgr[from + 2];
            bgra[to + 3] = (byte) 0xFF;
        }
        return new FramePixels(width, height, bgra);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The pixels themselves, not a copy (a frame is 1.2 MB at 640x480): read only. */
    byte[] bgra() {
        return bgra;
    }

    /** A new RGB image of the frame, for saving. */
    BufferedImage toBufferedImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] rgb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int i = 0, p = 0; i < rgb.length; i++, p += 4) {
            rgb[i] = (bgra[p + 2] & 0xFF) << 16 | (bgra[p + 1] & 0xFF) << 8 | bgra[p] & 0xFF;
        }
        return image;
    }
}
