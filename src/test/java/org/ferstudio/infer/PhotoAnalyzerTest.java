package org.ferstudio.infer;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.ferstudio.face.TestTimeAugmentation;
import org.ferstudio.model.FaceBox;
import org.ferstudio.model.PhotoResult;
import org.ferstudio.model.SampleCards;
import org.ferstudio.nets.Architectures;
import org.ferstudio.nets.NetworkSpec;
import org.ferstudio.store.ModelStore;
import org.ferstudio.task.ProgressReporter;
import org.ferstudio.vision.ImageLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhotoAnalyzerTest {

    @TempDir
    Path tmp;

    @Test
    void anUnexpectedFailureOnOnePhotoBecomesItsErrorAndTheBatchGoesOn() throws Exception {
        Path model = tmp.resolve("model");
        ModelStore.save(model, Architectures.byId("cnn3").build(NetworkSpec.forInference(7)), SampleCards.complete());
        Path trouble = tmp.resolve("trouble.png");
        Path fine = tmp.resolve("fine.png");
        ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "png", trouble.toFile());
        ImageIO.write(new BufferedImage(48, 64, BufferedImage.TYPE_INT_RGB), "png", fine.toFile());
        // a detector that fails on the landscape picture only, as a native library might on odd input
        EmotionRecognizer recognizer = new EmotionRecognizer(ModelStore.load(model), image -> {
            if (image.width() > image.height()) {
                throw new IllegalStateException("detector crashed");
            }
            return List.<FaceBox>of();
        }, TestTimeAugmentation.NONE);

        List<PhotoResult> results = new PhotoAnalyzer(recognizer, new ImageLoader())
                .analyseAll(List.of(trouble, fine), ProgressReporter.NONE, a -> { });

        assertThat(results).hasSize(2);
        assertThat(results.get(0).error()).contains("analysis failed").contains("detector crashed");
        assertThat(results.get(1).error()).isNull();
        assertThat(results.get(1).faces()).isEmpty();
    }

    @Test
    void aPhotoDecodedAtReducedResolutionReportsItsSizeAndBoxesInTheFilesPixels() throws Exception {
        Path model = tmp.resolve("model");
        ModelStore.save(model, Architectures.byId("cnn3").build(NetworkSpec.forInference(7)), SampleCards.complete());
        Path wide = tmp.resolve("wide.png");
        // wider than the loader's 4096-pixel side limit: decoded at 1/3 resolution, 2734x100
        ImageIO.write(new BufferedImage(8200, 300, BufferedImage.TYPE_BYTE_GRAY), "png", wide.toFile());
        List<Integer> seenWidths = new java.util.ArrayList<>();
        EmotionRecognizer recognizer = new EmotionRecognizer(ModelStore.load(model), image -> {
            seenWidths.add(image.width());
            return List.of(new FaceBox(100, 10, 40, 40));
        }, TestTimeAugmentation.NONE);

        PhotoAnalyzer.Analysed analysed = new PhotoAnalyzer(recognizer, new ImageLoader()).analyse(wide);

        assertThat(seenWidths).containsExactly(2734);
        assertThat(analysed.result().width()).isEqualTo(8200);
        assertThat(analysed.result().height()).isEqualTo(300);
        assertThat(analysed.result().faces()).singleElement()
                .satisfies(f -> assertThat(f.box()).isEqualTo(new FaceBox(300, 30, 120, 120)));
        assertThat(analysed.facesOnImage()).singleElement()
                .satisfies(f -> assertThat(f.box()).isEqualTo(new FaceBox(100, 10, 40, 40)));
    }
}
