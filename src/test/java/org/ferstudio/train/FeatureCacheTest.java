package org.ferstudio.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ferstudio.data.FaceImages;
import org.ferstudio.face.FaceTranslator;
import org.ferstudio.face.TestTimeAugmentation;
import org.ferstudio.nets.FeatureExtractor;
import org.ferstudio.task.CancelledException;
import org.ferstudio.task.ProgressReporter;
import org.ferstudio.testutil.SyntheticFaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class FeatureCacheTest {

    @TempDir
    Path tmp;

    /** Features a test can check by hand: the mean of the left half and of the right half of the face. */
    static final class HalvesExtractor implements FeatureExtractor {
        int facesSeen;

        @Override
        public int featureSize() {
            return 2;
        }

        @Override
        public String fingerprint() {
            return "left and right halves";
        }

        @Override
        public INDArray features(INDArray faces) {
            facesSeen += (int) faces.size(0);
            float[] in = faces.dup().data().asFloat();
            float[] out = new float[(int) faces.size(0) * 2];
            for (int i = 0; i < faces.size(0); i++) {
                for (int p = 0; p < FaceTranslator.PIXELS; p++) {
                    out[2 * i + (p % FaceTranslator.SIDE < FaceTranslator.SIDE / 2 ? 0 : 1)] += in[i * FaceTranslator.PIXELS + p];
                }
            }
            return Nd4j.create(out, new long[] {faces.size(0), 2}, 'c').divi(FaceTranslator.PIXELS / 2);
        }
    }

    @Test
    void computesOnceThenReadsFromDisk() throws IOException {
        FaceImages faces = SyntheticFaces.make(300, 1);
        HalvesExtractor extractor = new HalvesExtractor();
        FeatureCache cache = new FeatureCache(tmp);
        List<String> messages = new ArrayList<>();
        ProgressReporter progress = (fraction, message) -> messages.add(message);

        FeatureEpochData first = cache.features(faces, extractor, TestTimeAugmentation.NONE, progress);
        assertThat(extractor.facesSeen).isEqualTo(300);
        assertThat(messages).last().asString().contains("300 of 300 faces");
        FeatureEpochData again = cache.features(faces, extractor, TestTimeAugmentation.NONE, progress);
        assertThat(extractor.facesSeen).as("nothing computed the second time").isEqualTo(300);
        assertThat(messages).last().isEqualTo("read from cache");
        assertThat(cacheFiles()).hasSize(1);
        assertThat(batchOf(again, 0)).isEqualTo(batchOf(first, 0));

        FaceImages other = SyntheticFaces.make(300, 2);
        cache.features(other, extractor, TestTimeAugmentation.NONE, ProgressReporter.NONE);
        assertThat(cacheFiles()).as("other pixels, another key").hasSize(2);
    }

    @Test
    void flipViewsHoldTheMirrorImagesFeaturesAndBatchesPickOneAtRandom() throws IOException {
        FaceImages faces = SyntheticFaces.make(6, 3);
        FeatureEpochData data = new FeatureCache(tmp).features(faces, new HalvesExtractor(),
                TestTimeAugmentation.FLIP, ProgressReporter.NONE);
        // face 2 is lit on the left half; its mirror image on the right half, with the halves swapped
        java.util.Random rng = new java.util.Random(1);
        float[] asItIs = null;
        float[] mirrored = null;
        for (int draw = 0; draw < 50 && (asItIs == null || mirrored == null); draw++) {
            float[] f = batchOf(data, 2, rng);
            if (f[0] > f[1]) {
                asItIs = f;
            } else {
                mirrored = f;
            }
        }
        assertThat(asItIs).as("the face itself was drawn").isNotNull();
        assertThat(mirrored).as("its mirror image was drawn").isNotNull();
        assertThat(mirrored[0]).isCloseTo(asItIs[1], org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(mirrored[1]).isCloseTo(asItIs[0], org.assertj.core.data.Offset.offset(1e-5f));
    }

    @Test
    void damagedFilesAreComputedAgainAndCancelStopsTheWork() throws IOException {
        FaceImages faces = SyntheticFaces.make(20, 4);
        HalvesExtractor extractor = new HalvesExtractor();
        FeatureCache cache = new FeatureCache(tmp);
        cache.features(faces, extractor, TestTimeAugmentation.NONE, ProgressReporter.NONE);
        Path file = cacheFiles().get(0);
        Files.write(file, new byte[] {1, 2, 3});
        cache.features(faces, extractor, TestTimeAugmentation.NONE, ProgressReporter.NONE);
        assertThat(extractor.facesSeen).isEqualTo(40);
        assertThat(Files.size(file)).isGreaterThan(3);

        ProgressReporter cancelled = new ProgressReporter() {
            @Override
            public void report(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThatThrownBy(() -> cache.features(SyntheticFaces.make(20, 5), extractor, TestTimeAugmentation.NONE,
                cancelled)).isInstanceOf(CancelledException.class);
    }

    private List<Path> cacheFiles() throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.filter(f -> f.toString().endsWith(".features")).toList();
        }
    }

    private static float[] batchOf(FeatureEpochData data, int item) {
        return batchOf(data, item, new java.util.Random(0));
    }

    private static float[] batchOf(FeatureEpochData data, int item, java.util.Random rng) {
        DataSet batch = data.batch(new int[] {item}, 0, 1, 3, 0, rng);
        return batch.getFeatures().toFloatVector();
    }
}
