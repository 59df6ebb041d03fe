package org.ferstudio.vision;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads photos the way a user expects to see them: JPEG (RGB, grey, CMYK and YCCK), PNG, BMP, GIF (first
 * frame) and WebP through ImageIO with the TwelveMonkeys plug-ins, JPEGs turned upright by their EXIF
 * orientation, very large images decoded at reduced resolution ({@link #loadSized} says by how much, so
 * that boxes are reported in the file's pixels), absurdly large ones refused before decoding. Colour model, alpha and bit depth are left as the file has
 * them ({@link GreyImage#of} handles them all). Stateless and thread-safe.
 */
public final class ImageLoader {

    /** Longest side of a loaded image by default; larger ones are decoded with subsampling. */
    public static final int DEFAULT_MAX_SIDE = 4096;
    /** Images above this many pixels are refused: decoding them would take minutes even when subsampled. */
    public static final long DEFAULT_MAX_PIXELS = 200_000_000L;

    private static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "gif", "webp");
    private static final Logger LOG = LoggerFactory.getLogger(ImageLoader.class);

    private final int maxSide;
    private final long maxPixels;

    public ImageLoader() {
        this(DEFAULT_MAX_SIDE, DEFAULT_MAX_PIXELS);
    }

    /** Lower limits, so tests can exercise them without building huge images. */
    ImageLoader(int maxSide, long maxPixels) {
        this.maxSide = maxSide;
        this.maxPixels = maxPixels;
    }

    /**
     * The image in {@code file}, upright.
     *
     * @throws ImageLoadException naming the file and why: missing, empty, not an image, unsupported format,
     *                            too large, truncated or corrupt
     */
    public BufferedImage load(Path file) throws ImageLoadException {
        return loadSized(file).image();
    }

    /**
     * The image in {@code file}, upright, with the size of the file's image: larger than the bitmap when the
     * file was decoded at reduced resolution. Positions found on the bitmap go back to the file's pixels scaled
     * by {@link Sized#step}.
     *
     * @throws ImageLoadException as {@link #load}
     */
    public Sized loadSized(Path file) throws ImageLoadException {
        ImageFormat format = recogniseFormat(file);
        Decoded decoded = decode(file, format);
        BufferedImage upright = format == ImageFormat.JPEG ? exifOrientation(file).apply(decoded.image()) : decoded.image();
        boolean turned = upright.getWidth() != decoded.image().getWidth();
        return new Sized(upright, turned ? decoded.height() : decoded.width(),
                turned ? decoded.width() : decoded.height(), decoded.step());
    }

    /**
     * A loaded image and the size of the image in the file.
     *
     * @param image  the bitmap, upright
     * @param width  the file's image width in pixels, upright
     * @param height the file's image height in pixels, upright
     * @param step   file pixels per bitmap pixel along each side: 1, or the subsampling step of a large image
     */
    public record Sized(BufferedImage image, int width, int height, int step) {
    }

    private record Decoded(BufferedImage image, int width, int height, int step) {
    }

    /** True for the file names {@link ImageFiles#find} picks in folders: jpg, jpeg, png, bmp, gif, webp, in any letter case. */
    public static boolean hasImageExtension(Path file) {
        return IMAGE_EXTENSIONS.contains(extension(file));
    }

    private static String extension(Path file) {
        Path name = file.getFileName();
        String text = name == null ? "" : name.toString();
        int dot = text.lastIndexOf('.');
        return dot < 0 ? "" : text.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The format from the file's first bytes; the name's extension only shapes the error message. */
    private static ImageFormat recogniseFormat(Path file) throws ImageLoadException {
        byte[] leading = new byte[ImageFormat.SIGNATURE_BYTES];
        int length;
        try (InputStream in = Files.newInputStream(file)) {
            length = in.readNBytes(leading, 0, leading.length);
        } catch (NoSuchFileException e) {
            throw new ImageLoadException(file, "file not found", e);
        } catch (IOException e) {
            throw new ImageLoadException(file, Files.isDirectory(file) ? "is a folder, not a file"
                    : "cannot be read (" + e.getMessage() + ")", e);
        }
        if (length == 0) {
            throw new ImageLoadException(file, "empty file");
        }
        String extension = extension(file);
        return ImageFormat.recognise(leading, length).orElseThrow(() -> hasImageExtension(file) || extension.isEmpty()
                ? new ImageLoadException(file, "not an image")
                : new ImageLoadException(file, "unsupported format ." + extension));
    }

    private Decoded decode(Path file, ImageFormat format) throws ImageLoadException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = readerFor(format, file);
            try {
                reader.setInput(in, true, true);
                TruncationWarnings warnings = new TruncationWarnings(file);
                reader.addIIOReadWarningListener(warnings);
                ImageReadParam param = sizedReadParam(reader, file);
                BufferedImage image = reader.read(0, param);
                warnings.throwIfTruncated(format);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                // a reader that ignores subsampling returns the whole image: then nothing needs scaling back
                int step = image.getWidth() == width ? 1 : param.getSourceXSubsampling();
                return new Decoded(image, width, height, step);
            } finally {
                reader.dispose();
            }
        } catch (ImageLoadException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // ImageIO reports damaged data as IIOException, EOFException or, for some formats, unchecked ones.
            throw new ImageLoadException(file, corruptReason(format) + " (" + e + ")", e);
        }
    }

    private static ImageReader readerFor(ImageFormat format, Path file) throws ImageLoadException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
        if (!readers.hasNext()) {
            throw new ImageLoadException(file, "no " + format + " decoder in this Java runtime");
        }
        return readers.next();
    }

    /** Reads the size from the header, refuses images above the pixel limit, subsamples large ones. */
    private ImageReadParam sizedReadParam(ImageReader reader, Path file) throws IOException {
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        long pixels = (long) width * height;
        if (pixels > maxPixels) {
            throw new ImageLoadException(file, String.format(Locale.ROOT,
                    "too large: %dx%d is %.1f megapixels, the limit is %.1f megapixels", width, height,
                    pixels / 1e6, maxPixels / 1e6));
        }
        ImageReadParam param = reader.getDefaultReadParam();
        int longest = Math.max(width, height);
        int step = (longest + maxSide - 1) / maxSide;
        if (step > 1) {
            param.setSourceSubsampling(step, step, 0, 0);
            LOG.info("{} is {}x{}: decoding it at 1/{} resolution ({}x{}) to stay within {} px", file, width, height,
                    step, (width + step - 1) / step, (height + step - 1) / step, maxSide);
        }
        return param;
    }

    private static String corruptReason(ImageFormat format) {
        return "truncated or corrupt " + format;
    }

    private static ExifOrientation exifOrientation(Path jpeg) throws ImageLoadException {
        try (InputStream in = Files.newInputStream(jpeg)) {
            return JpegExifReader.orientation(in);
        } catch (IOException e) {
            throw new ImageLoadException(jpeg, "cannot read its EXIF data (" + e.getMessage() + ")", e);
        }
    }

    /**
     * ImageIO's JPEG decoder does not fail on a cut-off file: it warns and fills the missing part with grey.
     * Those warnings become an error here; other warnings (e.g. extraneous bytes, common in camera files whose
     * image is intact) are only logged.
     */
    private static final class TruncationWarnings implements IIOReadWarningListener {

        private final Path file;
        private String truncation;

        TruncationWarnings(Path file) {
            this.file = file;
        }

        @Override
        public void warningOccurred(ImageReader source, String warning) {
            if (warning.toLowerCase(Locale.ROOT).contains("premature end")) {
                truncation = warning;
            } else {
                LOG.debug("{}: decoder warning: {}", file, warning);
            }
        }

        void throwIfTruncated(ImageFormat format) throws ImageLoadException {
            if (truncation != null) {
                throw new ImageLoadException(file, corruptReason(format) + " (" + truncation + ")");
            }
        }
    }
}
