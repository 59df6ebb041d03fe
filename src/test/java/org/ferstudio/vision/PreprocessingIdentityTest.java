package org.ferstudio.vision;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.ferstudio.face.FacePreprocessor;
import org.ferstudio.face.FaceTranslator;
import org.ferstudio.model.FaceBox;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A 48x48 face image must reach the network as the same numbers whether it is read as a training image
 * (an image-folder dataset: decoded, then {@link FacePreprocessor#toGrey48}) or goes the inference way
 * (loaded, turned grey, cropped by a box covering it all, no margin).
 */
class PreprocessingIdentityTest {

    @TempDir
    Path dir;

    private final FacePreprocessor preprocessor = new FacePreprocessor();

    @ParameterizedTest
    @ValueSource(ints = {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_INT_ARGB})
    void trainingAndInferenceSeeIdenticalPixelsAndTensors(int type) throws IOException {
        Path png = dir.resolve("face.png");
        ImageIO.write(randomFace(type), "png", png.toFile());

        BufferedImage loaded = new ImageLoader().load(png);
        // The image-folder dataset reader decodes with plain ImageIO.
        byte[] training = preprocessor.toGrey48(ImageIO.read(png.toFile()));
        byte[] trainingViaLoader = preprocessor.toGrey48(loaded);
        byte[] inference = preprocessor.cropFace(GreyImage.of(loaded), new FaceBox(0, 0, 48, 48), 0);

        assertThat(trainingViaLoader).isEqualTo(training);
        assertThat(inference).isEqualTo(training);
        assertThat(normalised(inference)).isEqualTo(normalised(training));
    }

    private static float[] normalised(byte[] grey) {
        float[] tensor = new float[FaceTranslator.PIXELS];
        FacePreprocessor.normalise(grey, 0, tensor, 0);
        return tensor;
    }

    private static BufferedImage randomFace(int type) {
        BufferedImage image = new BufferedImage(FaceTranslator.SIDE, FaceTranslator.SIDE, type);
        Random random = new Random(48);
        for (int y = 0; y < FaceTranslator.SIDE; y++) {
            for (int x = 0; x < FaceTranslator.SIDE; x++) {
                if (type == BufferedImage.TYPE_BYTE_GRAY) {
                    image.getRaster().setSample(x, y, 0, random.nextInt(256));
                } else {
                    image.setRGB(x, y, random.nextInt());
                }
            }
        }
        return image;
    }
}
