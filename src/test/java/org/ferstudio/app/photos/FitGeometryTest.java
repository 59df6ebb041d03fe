package org.ferstudio.app.photos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.ferstudio.model.FaceBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FitGeometryTest {

    @Test
    void aWideImageInASquareViewFillsTheWidthAndIsCentredVertically() {
        FitGeometry g = FitGeometry.fit(200, 100, 100, 100);
        assertThat(g.scale()).isEqualTo(0.5);
        assertThat(g.offsetX()).isZero();
        assertThat(g.offsetY()).isEqualTo(25);
        assertThat(g.imageRect()).isEqualTo(new FitGeometry.ViewRect(0, 25, 100, 50));
    }

    @Test
    void aTallImageInAWideViewFillsTheHeightAndIsCentredHorizontally() {
        FitGeometry g = FitGeometry.fit(100, 200, 300, 100);
        assertThat(g.scale()).isEqualTo(0.5);
        assertThat(g.offsetX()).isEqualTo(125);
        assertThat(g.offsetY()).isZero();
    }

    @Test
    void aSmallImageIsScaledUpToFit() {
        FitGeometry g = FitGeometry.fit(50, 50, 200, 100);
        assertThat(g.scale()).isEqualTo(2);
        assertThat(g.imageRect()).isEqualTo(new FitGeometry.ViewRect(50, 0, 100, 100));
    }

    @Test
    void aFaceBoxIsScaledAndShiftedLikeTheImage() {
        // the 500x375 sample photo in an 800x800 view: scale 1.6, 100 px bands above and below
        FitGeometry g = FitGeometry.fit(500, 375, 800, 800);
        FitGeometry.ViewRect box = g.toView(new FaceBox(329, 78, 109, 109));
        assertThat(box.x()).isCloseTo(526.4, within(1e-9));
        assertThat(box.y()).isCloseTo(100 + 124.8, within(1e-9));
        assertThat(box.width()).isCloseTo(174.4, within(1e-9));
        assertThat(box.height()).isCloseTo(174.4, within(1e-9));
        assertThat(box.contains(box.x() + 1, box.y() + 1)).isTrue();
        assertThat(box.contains(box.x() - 1, box.y() + 1)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"500, 375, 800, 600", "500, 375, 320, 900", "4000, 3000, 1024, 700", "37, 91, 13, 1000"})
    void viewAndImageCoordinatesRoundTripAtEverySize(double iw, double ih, double vw, double vh) {
        FitGeometry g = FitGeometry.fit(iw, ih, vw, vh);
        for (double x : new double[] {0, iw / 3, iw}) {
            for (double y : new double[] {0, ih / 2, ih}) {
                assertThat(g.toImageX(g.toViewX(x))).isCloseTo(x, within(1e-9));
                assertThat(g.toImageY(g.toViewY(y))).isCloseTo(y, within(1e-9));
            }
        }
        FitGeometry.ViewRect drawn = g.imageRect();
        assertThat(drawn.width()).isLessThanOrEqualTo(vw + 1e-9);
        assertThat(drawn.height()).isLessThanOrEqualTo(vh + 1e-9);
        // one side fills the view exactly
        assertThat(Math.max(drawn.width() / vw, drawn.height() / vh)).isCloseTo(1.0, within(1e-9));
        assertThat(g.toImageLength(4)).isCloseTo(4 / g.scale(), within(1e-9));
    }

    @Test
    void emptySizesAreRefused() {
        assertThatThrownBy(() -> FitGeometry.fit(500, 375, 0, 600)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("view 0.0x600.0");
        assertThatThrownBy(() -> FitGeometry.fit(0, 375, 10, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FitGeometry.fit(Double.NaN, 375, 10, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
