package org.ferstudio.testutil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.ferstudio.data.FaceImages;
import org.ferstudio.face.FaceTranslator;
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
        byte[] pix = new byte[FaceTranslator.PIXELS];
        for (int i = 0; i < n; i++) {
            int label = i % 3;
            for (int y = 0; y < FaceTranslator.SIDE; y++) {
                for (int x = 0; x < FaceTranslator.SIDE; x++) {
                    boolean lit = switch (label) {
                        case 0 -> y < 24;
                        case 1 -> y >= 24;
                        default -> x < 24;
                    };
                    int v = (lit ? 150 : 90) + (int) (rng.nextGaussian() * 40);
                    pix[y * FaceTranslator.SIDE + x] = (byte) Math.max(0, Math.min(255, v));
                }
            }
            images.add(pix, label);
        }
        return images;
    }

    /** A FER2013-style CSV with Training, PublicTest and PrivateTest rows of synthetic faces. */
    public static Path csv(Path file, int train, int validation, int test) throws IOException {
        StringBuilder csv = new StringBuilder("emotion,pixels,Usage\n");
        String[] usages = {"Training", "PublicTest", "PrivateTest"};
        int[] sizes = {train, validation, test};
        for (int u = 0; u < usages.length; u++) {
            FaceImages images = make(sizes[u], 10 + u);
            for (int i = 0; i < images.size(); i++) {
                csv.append(images.label(i)).append(',');
                byte[] pix = images.image(i);
                for (int p = 0; p < pix.length; p++) {
                    csv.append(p == 0 ? "" : " ").append(pix[p] & 0xFF);
                }
                csv.append(',').append(usages[u]).append('\n');
            }
        }
        return Files.writeString(file, csv);
    }
}
