package org.ferstudio.app.photos;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ThumbnailsTest {

    @Test
    void largePhotosShrinkToTheThumbnailSideKeepingTheirShape() {
        BufferedImage thumb = Thumbnails.of(new BufferedImage(4000, 3000, BufferedImage.TYPE_3BYTE_BGR), 96);
        assertThat(thumb.getWidth()).isEqualTo(96);
        assertThat(thumb.getHeight()).isEqualTo(72);
        BufferedImage tall = Thumbnails.of(new BufferedImage(300, 1200, BufferedImage.TYPE_BYTE_GRAY), 96);
        assertThat(tall.getWidth()).isEqualTo(24);
        assertThat(tall.getHeight()).isEqualTo(96);
    }

    @Test
    void smallImagesKeepTheirSize() {
        BufferedImage thumb = Thumbnails.of(new BufferedImage(50, 20, BufferedImage.TYPE_INT_ARGB), 96);
        assertThat(thumb.getWidth()).isEqualTo(50);
        assertThat(thumb.getHeight()).isEqualTo(20);
    }
}
