package org.ferstudio.vision;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Reads one image row as luminance 0..255 (ITU-R 601), choosing the decoding that keeps grey values
 * unchanged. The one luminance rule of the project: {@link GreyImage#of} and the face translator's
 * 48x48 resize both read through it.
 */
public interface RowLuminance {

    float RED_WEIGHT = 0.299f;
    float GREEN_WEIGHT = 0.587f;
    float BLUE_WEIGHT = 0.114f;

    /** Writes row {@code y}'s luminance into {@code out}, one value per column. */
    void read(int y, float[] out);

    static RowLuminance of(BufferedImage img) {
        ColorModel cm = img.getColorModel();
        Raster raster = img.getRaster();
        int transfer = raster.getTransferType();
        boolean storedGrey = cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY
                && !(cm instanceof IndexColorModel)
                && (transfer == DataBuffer.TYPE_BYTE || transfer == DataBuffer.TYPE_USHORT);
        // Java treats grey colour spaces as linear and getRGB() would brighten them (128 -> ~188); the
        // stored samples are what the file and every other library call the grey value.
        return storedGrey ? greySamples(raster, cm.getComponentSize(0)) : rgb(img);
    }

    private static RowLuminance greySamples(Raster raster, int bits) {
        float scale = 255f / ((1 << bits) - 1);
        int[] samples = new int[raster.getWidth()];
        return (y, out) -> {
            raster.getSamples(0, y, samples.length, 1, 0, samples);
            for (int x = 0; x < samples.length; x++) {
                out[x] = samples[x] * scale;
            }
        };
    }

    private static RowLuminance rgb(BufferedImage img) {
        int[] argb = new int[img.getWidth()];
        return (y, out) -> {
            img.getRGB(0, y, argb.length, 1, argb, 0, argb.length);
            for (int x = 0; x < argb.length; x++) {
                int p = argb[x];
                out[x] = RED_WEIGHT * ((p >> 16) & 0xFF) + GREEN_WEIGHT * ((p >> 8) & 0xFF) + BLUE_WEIGHT * (p & 0xFF);
            }
        };
    }
}
