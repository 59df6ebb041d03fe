package org.ferstudio.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.prefs.Preferences;
import org.ferstudio.vision.DetectorChoice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DetectionOptionsTest {

    private final Preferences node = Preferences.userRoot().node("org/ferstudio/test/" + UUID.randomUUID());

    @AfterEach
    void removeNode() throws Exception {
        node.removeNode();
    }

    @Test
    void startsWithYuNetUnalignedWithoutLandmarks() {
        DetectionOptions options = new DetectionOptions(node);

        assertThat(options.detector()).isEqualTo(DetectorChoice.YUNET);
        assertThat(options.align()).isFalse();
        assertThat(options.showLandmarksProperty().get()).isFalse();
        assertThat(options.summary().get()).isEqualTo("Faces: YuNet");
    }

    @Test
    void everyChoiceIsRememberedForTheNextStart() {
        DetectionOptions options = new DetectionOptions(node);
        options.detectorProperty().set(DetectorChoice.HAAR);
        options.alignProperty().set(true);
        options.showLandmarksProperty().set(true);

        DetectionOptions restarted = new DetectionOptions(node);

        assertThat(restarted.detector()).isEqualTo(DetectorChoice.HAAR);
        assertThat(restarted.align()).isTrue();
        assertThat(restarted.showLandmarksProperty().get()).isTrue();
        assertThat(restarted.summary().get()).isEqualTo("Faces: Haar cascade, levelled by the eyes");
    }

    @Test
    void anUnknownRememberedDetectorFallsBackToTheDefaultAndNullIsRefused() {
        node.put(DetectionOptions.DETECTOR_KEY, "mtcnn");
        DetectionOptions options = new DetectionOptions(node);
        assertThat(options.detector()).isEqualTo(DetectorChoice.DEFAULT);

        options.detectorProperty().set(DetectorChoice.HAAR);
        options.detectorProperty().set(null);

        assertThat(options.detector()).isEqualTo(DetectorChoice.HAAR);
    }
}
