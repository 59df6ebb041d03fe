package org.ferstudio.testutil;

import java.util.Random;
import org.ferstudio.data.FaceImages;
import org.ferstudio.model.ClassLabels;

/**
 * Small labelled image sets a network can learn in seconds: each class brightens a different region
 * (top, bottom, left half) under strong noise, so accuracy well above chance proves training works.
 */
public final class SyntheticFaces {

    public static final ClassLabels LABELS = new ClassLabels(java.util.List.of("top", "bottom", "left"));

    private SyntheticFaces() {
    }

    public static FaceImages make(int n, long seed) {
        Random rng = new Random(seed);
        FaceImages images = new FaceImages(n);
        byte[] pix = new byte[FaceImages.PIXELS];
        for (int i = 0; i < n; i++) {
            int label = i % 3;
            for (int y = 0; y < FaceImages.SIDE; y++) {
                for (int x = 0; x < FaceImages.SIDE; x++) {
                    boolean lit = switch (label) {
                        case 0 -> y < 24;
                        case 1 -> y >= 24;
                        default -> x < 24;
                    };
                    int v = (lit ? 150 : 90) + (int) (rng.nextGaussian() * 40);
                    pix[y * FaceImages.SIDE + x] = (byte) Math.max(0, Math.min(255, v));
                }
            }
            images.add(pix, label);
        }
        return images;
    }
}
