package org.ferstudio.app.webcam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LetterboxTest {

    @Test
    void aWideAreaGetsBarsLeftAndRight() {
        Letterbox fit = Letterbox.fit(640, 480, 1000, 480);
        assertThat(fit).isEqualTo(new Letterbox(180, 0, 1, 640, 480));
        assertThat(fit.areaX(100)).isEqualTo(280);
        assertThat(fit.areaY(100)).isEqualTo(100);
    }

    @Test
    void aTallAreaGetsBarsAboveAndBelowAndScales() {
        Letterbox fit = Letterbox.fit(640, 480, 320, 400);
        assertThat(fit.scale()).isEqualTo(0.5);
        assertThat(fit.width()).isEqualTo(320);
        assertThat(fit.height()).isEqualTo(240);
        assertThat(fit.y()).isEqualTo(80);
        assertThat(fit.areaX(640)).isEqualTo(320);
        assertThat(fit.areaY(480)).isEqualTo(320);
    }

    @Test
    void nothingToFitGivesAnEmptyBox() {
        assertThat(Letterbox.fit(640, 480, 0, 300).isEmpty()).isTrue();
        assertThat(Letterbox.fit(0, 0, 800, 600).isEmpty()).isTrue();
    }
}
