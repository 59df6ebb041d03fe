package org.ferstudio.vision;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JpegExifReaderTest {

    private static final byte[] PLAIN_JPEG = ExifJpegs.jpeg(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB));

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void readsTheOrientationInBothByteOrders(int tag) throws IOException {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
            byte[] jpeg = ExifJpegs.withSegments(PLAIN_JPEG, ExifJpegs.orientationSegment(tag, order));

            assertThat(orientationOf(jpeg).tagValue()).as("%s", order).isEqualTo(tag);
        }
    }

    @Test
    void findsExifBehindAnXmpSegment() throws IOException {
        byte[] xmp = ExifJpegs.app1("http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII),
                "<x:xmpmeta/>".getBytes(StandardCharsets.US_ASCII));
        byte[] jpeg = ExifJpegs.withSegments(PLAIN_JPEG, xmp, ExifJpegs.orientationSegment(8, ByteOrder.BIG_ENDIAN));

        assertThat(orientationOf(jpeg)).isEqualTo(ExifOrientation.LEFT_BOTTOM);
    }

    @Test
    void aJpegWithoutExifIsUpright() throws IOException {
        assertThat(orientationOf(PLAIN_JPEG)).isEqualTo(ExifOrientation.TOP_LEFT);
    }

    @Test
    void malformedExifMeansUpright() throws IOException {
        byte[] segment = ExifJpegs.orientationSegment(6, ByteOrder.BIG_ENDIAN);
        byte[] badOffset = segment.clone();
        badOffset[4 + 6 + 7] = 120;                 // IFD0 offset points past the segment
        byte[] badByteOrder = segment.clone();
        badByteOrder[4 + 6] = 'X';
        byte[] cutShort = Arrays.copyOf(segment, 4 + 6 + 8 + 2 + 5);
        cutShort[3] = (byte) (cutShort.length - 2); // a consistent segment length, the entry cut off

        assertThat(orientationOf(ExifJpegs.withSegments(PLAIN_JPEG, badOffset))).isEqualTo(ExifOrientation.TOP_LEFT);
        assertThat(orientationOf(ExifJpegs.withSegments(PLAIN_JPEG, badByteOrder))).isEqualTo(ExifOrientation.TOP_LEFT);
        assertThat(orientationOf(ExifJpegs.withSegments(PLAIN_JPEG, cutShort))).isEqualTo(ExifOrientation.TOP_LEFT);
        assertThat(orientationOf(Arrays.copyOf(ExifJpegs.withSegments(PLAIN_JPEG, segment), 12)))
                .isEqualTo(ExifOrientation.TOP_LEFT);
        assertThat(orientationOf(new byte[] {'n', 'o'})).isEqualTo(ExifOrientation.TOP_LEFT);
    }

    private static ExifOrientation orientationOf(byte[] jpeg) throws IOException {
        return JpegExifReader.orientation(new ByteArrayInputStream(jpeg));
    }
}
