package org.ferstudio.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngsTest {

    @Test
    void writesAPngThatReadsBack() throws IOException {
        BufferedImage image = new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, 0x123456);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Pngs.write(image, bytes);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(back.getWidth()).isEqualTo(30);
        assertThat(back.getRGB(3, 4) & 0xFFFFFF).isEqualTo(0x123456);
    }

    @Test
    void aFullDiskIsAnIOExceptionWithTheReason() {
        BufferedImage image = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        assertThatThrownBy(() -> Pngs.write(image, full)).isInstanceOf(IOException.class)
                .hasMessageContaining("No space left on device");
    }
}
