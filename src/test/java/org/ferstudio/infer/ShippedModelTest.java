package org.ferstudio.infer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.ferstudio.face.TestTimeAugmentation;
import org.ferstudio.model.FaceResult;
import org.ferstudio.model.PhotoResult;
import org.ferstudio.store.LoadedModel;
import org.ferstudio.store.ModelLocator;
import org.ferstudio.store.ModelStore;
import org.ferstudio.testutil.SharedData;
import org.ferstudio.vision.DetectorSettings;
import org.ferstudio.vision.HaarFaceDetector;
import org.ferstudio.vision.ImageLoader;
import org.junit.jupiter.api.Test;

/** The model the app ships (models/DEFAULT or models/fer-cnn3) loads and recognises a plain smile. */
class ShippedModelTest {

    @Test
    void theDefaultModelLoadsWithItsTestScoreAndCallsTheSmilingPortraitHappy() throws Exception {
        Path photo = SharedData.photo("obama.jpg");
        LoadedModel model = ModelStore.load(ModelLocator.defaultModel());
        assertThat(model.card().test()).as("the shipped model's card carries its test score").isNotNull();
        EmotionRecognizer recognizer = new EmotionRecognizer(model, new HaarFaceDetector(DetectorSettings.defaults()),
                TestTimeAugmentation.NONE);

        PhotoResult result = new PhotoAnalyzer(recognizer, new ImageLoader()).analyse(photo).result();

        assertThat(result.faces()).hasSize(1);
        FaceResult face = result.faces().get(0);
        assertThat(face.label()).as("probabilities %s", face).isEqualTo("Happy");
    }
}
