package org.ferstudio.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.ferstudio.face.FacePreprocessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageLoaderTest {

    @TempDir
    Path dir;

    private final ImageLoader loader = new ImageLoader();
    private final FacePreprocessor preprocessor = new FacePreprocessor();

    @Test
    void aTruncatedJpegIsRefusedNamingTheFile() throws IOException {
        byte[] jpeg = ExifJpegs.jpeg(noise(200, 150));
        Path file = write("cut.jpg", Arrays.copyOf(jpeg, jpeg.length * 6 / 10));

        assertRefused(file, "truncated or corrupt JPEG");
    }

    @Test
    void aTruncatedPngIsRefusedNamingTheFile() throws IOException {
        byte[] png = encode(noise(200, 150), "png");
        Path file = write("cut.png", Arrays.copyOf(png, png.length / 2));

        assertRefused(file, "truncated or corrupt PNG");
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        assertRefused(write("empty.png", new byte[0]), "empty file");
    }

    @Test
    void aTextFileNamedLikeAnImageIsNotAnImage() throws IOException {
        assertRefused(write("notes.jpg", "just some text\n".getBytes(StandardCharsets.UTF_8)), "not an image");
    }

    @Test
    void anUnknownFormatIsNamedByItsExtension() throws IOException {
        assertRefused(write("photo.tiff", "II*\0\0\0\0\0".getBytes(StandardCharsets.US_ASCII)),
                "unsupported format .tiff");
    }

    @Test
    void aCmykJpegKeepsItsColours() throws IOException {
        // made with ImageMagick: a 32x24 skin-tone block beside a 32x24 blue one, "-colorspace
        // CMYK"; Java's own decoder reads it washed out (A24A40 as D1938A)
        BufferedImage loaded = loader.load(resource("skin-blue-cmyk.jpg"));

        assertThat(loaded.getWidth()).isEqualTo(64);
        assertColour(loaded.getRGB(8, 12), 0xA24A40);
        assertColour(loaded.getRGB(56, 12), 0x406080);
    }

    @Test
    void loadsLossyAndLosslessWebP() throws IOException {
        // made with cwebp from the same skin-tone and blue picture
        for (String name : List.of("skin-blue-lossy.webp", "skin-blue-lossless.webp")) {
            BufferedImage loaded = loader.load(resource(name));

            assertThat(loaded.getWidth()).as(name).isEqualTo(64);
            assertColour(loaded.getRGB(8, 12), 0xA24A40);
            assertColour(loaded.getRGB(56, 12), 0x406080);
        }
    }

    @Test
    void aDamagedWebPIsRefusedNamingTheFile() throws IOException {
        assertRefused(write("photo.webp", "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)),
                "truncated or corrupt WEBP");
    }

    @Test
    void aMissingFileOrAFolderIsRefused() {
        assertRefused(dir.resolve("absent.jpg"), "file not found");
        assertRefused(dir, "is a folder");
    }

    @Test
    void loadsTheFirstFrameOfAnAnimatedGif() throws IOException {
        BufferedImage red = uniform(30, 20, 0xA24A40);
        BufferedImage blue = uniform(30, 20, 0x406080);
        Path file = write("animated.gif", animatedGif(red, blue));

        BufferedImage loaded = loader.load(file);

        assertThat(loaded.getWidth()).isEqualTo(30);
        assertThat(loaded.getRGB(5, 5) & 0xFFFFFF).isEqualTo(0xA24A40);
    }

    @Test
    void keeps16BitGreyPngSamples() throws IOException {
        BufferedImage deep = new BufferedImage(20, 10, BufferedImage.TYPE_USHORT_GRAY);
        fillSamples(deep, 128 * 257);

        BufferedImage loaded = loader.load(write("deep.png", encode(deep, "png")));

        assertThat(loaded.getColorModel().getComponentSize(0)).isEqualTo(16);
        assertThat(preprocessor.toGrey48(loaded)).containsOnly((byte) 128);
    }

    @Test
    void loadsPngWithAlphaGreyPngIndexedPngAndBmp() throws IOException {
        BufferedImage translucent = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
        for (int i = 0; i < 16 * 16; i++) {
            translucent.setRGB(i % 16, i / 16, (i % 2 == 0 ? 0x00_000000 : 0xFF_000000) | 0x4080C0);
        }
        BufferedImage grey = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        fillSamples(grey, 100);
        IndexColorModel palette = new IndexColorModel(8, 2, new byte[] {0, (byte) 255}, new byte[] {0, 0},
                new byte[] {0, 0});
        BufferedImage indexed = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_INDEXED, palette);
        fillSamples(indexed, 1);

        BufferedImage alphaLoaded = loader.load(write("alpha.png", encode(translucent, "png")));
        BufferedImage greyLoaded = loader.load(write("grey.png", encode(grey, "png")));
        BufferedImage indexedLoaded = loader.load(write("indexed.png", encode(indexed, "png")));
        BufferedImage bmpLoaded = loader.load(write("plain.bmp", encode(uniform(16, 16, 0x4080C0), "bmp")));

        byte expectedGrey = (byte) Math.round(0.299f * 0x40 + 0.587f * 0x80 + 0.114f * 0xC0);
        assertThat(alphaLoaded.getColorModel().hasAlpha()).isTrue();
        assertThat(preprocessor.toGrey48(alphaLoaded)).containsOnly(expectedGrey);
        assertThat(preprocessor.toGrey48(greyLoaded)).containsOnly((byte) 100);
        assertThat(preprocessor.toGrey48(indexedLoaded)).containsOnly((byte) 76);
        assertThat(preprocessor.toGrey48(bmpLoaded)).containsOnly(expectedGrey);
    }

    @Test
    void refusesImagesAboveThePixelLimitBeforeDecodingThem() throws IOException {
        // Only the header of a 20000x20000 PNG: the size check must not need the pixels.
        Path file = write("huge.png", pngHeaderOnly(20_000, 20_000));

        assertRefused(file, "20000x20000 is 400.0 megapixels, the limit is 200.0 megapixels");
    }

    @Test
    void decodesLargeImagesSubsampledToTheSideLimit() throws IOException {
        BufferedImage wide = new BufferedImage(300, 200, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 300; x++) {
                wide.getRaster().setSample(x, y, 0, x % 256);
            }
        }
        ImageLoader smallLimit = new ImageLoader(100, ImageLoader.DEFAULT_MAX_PIXELS);

        BufferedImage loaded = smallLimit.load(write("wide.png", encode(wide, "png")));

        assertThat(loaded.getWidth()).isEqualTo(100);
        assertThat(loaded.getHeight()).isEqualTo(67);
        assertThat(loaded.getRaster().getSample(10, 5, 0)).isEqualTo(30); // every third column kept
    }

    @Test
    void saysTheFileSizeOfASubsampledImageSoBoxesGoBackToTheFilesPixels() throws IOException {
        ImageLoader smallLimit = new ImageLoader(100, ImageLoader.DEFAULT_MAX_PIXELS);

        ImageLoader.Sized loaded = smallLimit.loadSized(write("wide.png", encode(noise(300, 200), "png")));

        assertThat(loaded.image().getWidth()).isEqualTo(100);
        assertThat(loaded.width()).isEqualTo(300);
        assertThat(loaded.height()).isEqualTo(200);
        assertThat(loaded.step()).isEqualTo(3);
    }

    @Test
    void theFileSizeOfARotatedJpegIsUpright() throws IOException {
        byte[] jpeg = ExifJpegs.withSegments(ExifJpegs.jpeg(noise(300, 200)),
                ExifJpegs.orientationSegment(6, java.nio.ByteOrder.BIG_ENDIAN));
        ImageLoader smallLimit = new ImageLoader(100, ImageLoader.DEFAULT_MAX_PIXELS);

        ImageLoader.Sized loaded = smallLimit.loadSized(write("turned.jpg", jpeg));

        assertThat(loaded.image().getHeight()).isEqualTo(100);
        assertThat(loaded.width()).isEqualTo(200);
        assertThat(loaded.height()).isEqualTo(300);
        assertThat(loaded.step()).isEqualTo(3);
    }

    private void assertRefused(Path file, String reason) {
        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOfSatisfying(ImageLoadException.class, e -> assertThat(e.file()).isEqualTo(file))
                .hasMessageContaining(file.toString())
                .hasMessageContaining(reason);
    }

    private Path resource(String name) throws IOException {
        try (var in = ImageLoaderTest.class.getResourceAsStream(name)) {
            assertThat(in).as("test resource %s", name).isNotNull();
            return write(name, in.readAllBytes());
        }
    }

    /** Within the small drift of lossy compression. */
    private static void assertColour(int argb, int rgb) {
        for (int shift = 0; shift <= 16; shift += 8) {
            assertThat((argb >> shift) & 0xFF).as("channel at bit %d of %06x", shift, argb & 0xFFFFFF)
                    .isCloseTo((rgb >> shift) & 0xFF, org.assertj.core.api.Assertions.within(12));
        }
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).as("writer for %s", format).isTrue();
        return out.toByteArray();
    }

    private static byte[] animatedGif(BufferedImage... frames) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.prepareWriteSequence(null);
            for (BufferedImage frame : frames) {
                writer.writeToSequence(new IIOImage(frame, null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** A PNG signature, an IHDR chunk stating the size, and IEND: a valid header, no pixel data. */
    private static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        out.writeBytes(chunk("IHDR", ihdr.array()));
        out.writeBytes(chunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data)
                .putInt((int) crc.getValue()).array();
    }

    private static BufferedImage uniform(int width, int height, int rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    private static BufferedImage noise(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }

    private static void fillSamples(BufferedImage image, int sample) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.getRaster().setSample(x, y, 0, sample);
            }
        }
    }
}
