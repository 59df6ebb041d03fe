package org.ferstudio.vision;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExifOrientationTest {

    // The stored 3x2 image is    a b c    (values 1..6 as a..f); each row below is the expected display,
    //                            d e f    row by row, as the Exif specification draws the eight cases.
    @ParameterizedTest(name = "orientation {0}")
    @CsvSource(delimiter = '|', value = {
        "1 | 3 | 1 2 3 4 5 6",
        "2 | 3 | 3 2 1 6 5 4",
        "3 | 3 | 6 5 4 3 2 1",
        "4 | 3 | 4 5 6 1 2 3",
        "5 | 2 | 1 4 2 5 3 6",
        "6 | 2 | 4 1 5 2 6 3",
        "7 | 2 | 6 3 5 2 4 1",
        "8 | 2 | 3 6 2 5 1 4",
    })
    void turnsTheStoredPixelsUpright(int tag, int displayedWidth, String displayed) {
        for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_3BYTE_BGR}) {
            BufferedImage stored = new BufferedImage(3, 2, type);
            for (int i = 0; i < 6; i++) {
                stored.getRaster().setPixel(i % 3, i / 3, sampleOf(stored, i + 1));
            }

            BufferedImage shown = ExifOrientation.ofTag(tag).apply(stored);

            assertThat(shown.getWidth()).isEqualTo(displayedWidth);
            assertThat(shown.getType()).isEqualTo(type);
            String[] expected = displayed.split(" ");
            for (int i = 0; i < 6; i++) {
                int x = i % displayedWidth;
                int y = i / displayedWidth;
                int[] expectedSample = sampleOf(stored, Integer.parseInt(expected[i]));
                assertThat(shown.getRaster().getPixel(x, y, (int[]) null)).as("type %d (%d,%d)", type, x, y)
                        .containsExactly(expectedSample);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"0", "9", "-1", "65535"})
    void treatsUnknownTagValuesAsUpright(int tag) {
        assertThat(ExifOrientation.ofTag(tag)).isEqualTo(ExifOrientation.TOP_LEFT);
    }

    /** Distinct samples per band, so a pixel whose bands got split up would be noticed. */
    private static int[] sampleOf(BufferedImage image, int value) {
        int bands = image.getRaster().getNumBands();
        int[] sample = new int[bands];
        for (int b = 0; b < bands; b++) {
            sample[b] = value * 10 + b;
        }
        return sample;
    }
}
