package org.ferstudio.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.ferstudio.data.FaceImages;
import org.ferstudio.data.FaceTensors;
import org.ferstudio.face.FaceTranslator;
import org.ferstudio.face.TestTimeAugmentation;
import org.ferstudio.nets.FeatureExtractor;
import org.ferstudio.store.ArrayFile;
import org.ferstudio.task.ProgressReporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pretrained base's features of face sets, kept on disk so that a base that never changes runs over
 * FER2013 once, not once per head-training run. A file is named by the SHA-256 of everything its values
 * depend on: the extractor's fingerprint (weights checksum, input adaptation), the views and every
 * face's pixels; the labels are hashed too, so that the key also fingerprints the training data for
 * checkpoints. A file that does not read back with the expected size is computed again.
 */
public final class FeatureCache {

    private static final Logger LOG = LoggerFactory.getLogger(FeatureCache.class);
    private static final int BATCH = 256;

    private final Path dir;

    public FeatureCache(Path dir) {
        this.dir = dir;
    }

    /** {@code ~/.fer-studio/cache/features}: shared by all runs of this user. */
    public static Path defaultDirectory() {
        return Path.of(System.getProperty("user.home"), ".fer-studio", "cache", "features");
    }

    public Path directory() {
        return dir;
    }

    /**
     * The features of {@code faces} with {@code views} (NONE: the face; FLIP: the face and its mirror image),
     * read from the cache or computed and stored; {@code progress} sees the computation and may cancel it.
     */
    FeatureEpochData features(FaceImages faces, FeatureExtractor extractor, TestTimeAugmentation views,
                              ProgressReporter progress) throws IOException {
        String key = key(faces, extractor, views);
        Path file = dir.resolve(key + ".features");
        int expected = faces.size() * views.views() * extractor.featureSize();
        if (Files.isRegularFile(file)) {
            try {
                float[] values = ArrayFile.read(file);
                if (values.length == expected) {
                    progress.report(1.0, "read from cache");
                    return new FeatureEpochData(key, values, extractor.featureSize(), views.views(), faces.labels());
                }
                LOG.warn("{} holds {} values, expected {}; computing again", file, values.length, expected);
            } catch (IOException e) {
                LOG.warn("cannot read cached features {}: {}; computing again", file, e.getMessage());
            }
        }
        float[] values = compute(faces, extractor, views, progress);
        ArrayFile.write(file, values);
        return new FeatureEpochData(key, values, extractor.featureSize(), views.views(), faces.labels());
    }

    private static float[] compute(FaceImages faces, FeatureExtractor extractor, TestTimeAugmentation views,
                                   ProgressReporter progress) {
        int n = faces.size();
        int v = views.views();
        int size = extractor.featureSize();
        float[] values = new float[n * v * size];
        byte[] pix = new byte[FaceTranslator.PIXELS];
        long start = System.nanoTime();
        for (int from = 0; from < n; from += BATCH) {
            progress.checkCancelled();
            int to = Math.min(n, from + BATCH);
            float[] input = new float[(to - from) * v * FaceTranslator.PIXELS];
            for (int i = from; i < to; i++) {
                faces.copyImage(i, pix, 0);
                // the same views as test-time augmentation: one way to mirror a face
                views.views(pix, 0, input, (i - from) * v * FaceTranslator.PIXELS);
            }
            float[] batch = extractor.features(FaceTranslator.tensor(input, (to - from) * v)).dup().data().asFloat();
            System.arraycopy(batch, 0, values, from * v * size, batch.length);
            double seconds = (System.nanoTime() - start) / 1e9;
            progress.report((double) to / n, String.format("%d of %d faces%s, %.0f faces/s", to, n,
                    v > 1 ? " (" + v + " views each)" : "", to / seconds));
        }
        return values;
    }

    static String key(FaceImages faces, FeatureExtractor extractor, TestTimeAugmentation views) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((extractor.fingerprint() + "; views " + views.name()).getBytes(StandardCharsets.UTF_8));
            byte[] pix = new byte[FaceTranslator.PIXELS];
            for (int i = 0; i < faces.size(); i++) {
                faces.copyImage(i, pix, 0);
                md.update(pix);
                md.update((byte) faces.label(i));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
