package org.ferstudio.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class DetectorSettingsTest {

    @Test
    void defaultsAreTheMeasuredChoice() {
        assertThat(DetectorSettings.defaults()).isEqualTo(new DetectorSettings(1.1, 5, 30, 640));
        assertThat(DetectorSettings.defaults().withMinFaceSize(60).minFaceSizePx()).isEqualTo(60);
    }

    @Test
    void refusesSettingsTheCascadeCannotWorkWith() {
        assertThatIllegalArgumentException().isThrownBy(() -> new DetectorSettings(1.0, 5, 30, 640))
                .withMessageContaining("scale factor");
        assertThatIllegalArgumentException().isThrownBy(() -> new DetectorSettings(1.1, -1, 30, 640));
        assertThatIllegalArgumentException().isThrownBy(() -> new DetectorSettings(1.1, 5, 0, 640));
        assertThatIllegalArgumentException().isThrownBy(() -> new DetectorSettings(1.1, 5, 30, 20))
                .withMessageContaining("24 px");
        assertThat(new DetectorSettings(1.1, 5, 30, 0).maxDetectionSide()).isZero();
    }
}
