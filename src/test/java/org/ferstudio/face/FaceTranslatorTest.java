package org.ferstudio.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.ferstudio.model.ClassLabels;
import org.ferstudio.model.DetectedFace;
import org.ferstudio.model.FaceBox;
import org.ferstudio.model.FaceResult;
import org.ferstudio.vision.GreyImage;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class FaceTranslatorTest {

    private static final ClassLabels LABELS = new ClassLabels(List.of("a", "b"));

    @Test
    void inputIsEachFacesCropFollowedByItsViews() {
        GreyImage image = gradient(120, 90);
        List<FaceBox> boxes = List.of(new FaceBox(10, 10, 40, 40), new FaceBox(60, 30, 50, 50));
        FaceTranslator translator = new FaceTranslator(LABELS, TestTimeAugmentation.FLIP, 0.1);

        float[] input = translator.processInput(image, boxes.stream().map(DetectedFace::of).toList());

        assertThat(translator.inputs(2)).isEqualTo(4);
        assertThat(input).hasSize(4 * FaceTranslator.PIXELS);
        FacePreprocessor pixels = new FacePreprocessor();
        for (int i = 0; i < boxes.size(); i++) {
            float[] expected = new float[2 * FaceTranslator.PIXELS];
            TestTimeAugmentation.FLIP.views(pixels.cropFace(image, boxes.get(i), 0.1), 0, expected, 0);
            float[] actual = new float[expected.length];
            System.arraycopy(input, i * expected.length, actual, 0, expected.length);
            assertThat(actual).containsExactly(expected);
        }
    }

    @Test
    void outputAveragesTheViewsOfEachFace() {
        List<FaceBox> boxes = List.of(new FaceBox(0, 0, 10, 10), new FaceBox(20, 0, 10, 10));
        FaceTranslator translator = new FaceTranslator(LABELS, TestTimeAugmentation.FLIP, 0.1);
        float[][] probs = {{0.2f, 0.8f}, {0.4f, 0.6f}, {0.9f, 0.1f}, {0.7f, 0.3f}};

        List<FaceResult> results = translator.processOutput(boxes.stream().map(DetectedFace::of).toList(), probs);

        assertThat(results).extracting(FaceResult::box).containsExactlyElementsOf(boxes);
        assertThat(results.get(0).probabilities()[1]).isCloseTo(0.7f, within(1e-6f));
        assertThat(results.get(1).label()).isEqualTo("a");
    }

    @Test
    void tensorIsTheNetworksLayout() {
        INDArray tensor = FaceTranslator.tensor(new float[3 * FaceTranslator.PIXELS], 3);

        assertThat(tensor.shape()).containsExactly(3, 1, FaceTranslator.SIDE, FaceTranslator.SIDE);
    }

    private static GreyImage gradient(int width, int height) {
        byte[] pixels = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = (byte) ((x * 2 + y) % 256);
            }
        }
        return new GreyImage(width, height, pixels);
    }
}
