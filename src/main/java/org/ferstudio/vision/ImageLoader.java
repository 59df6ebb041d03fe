package org.ferstudio.vision;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads photos the way a user expects to see them: JPEG, PNG, BMP and GIF (first frame) through Java's
 * ImageIO, JPEGs turned upright by their EXIF orientation, very large images decoded at reduced resolution,
 * absurdly large ones refused before decoding. Colour model, alpha and bit depth are left as the file has
 * them ({@link GreyImage#of} handles them all). Stateless and thread-safe.
 */
public final class ImageLoader {

    /** Longest side of a loaded image by default; larger ones are decoded with subsampling. */
    public static final int DEFAULT_MAX_SIDE = 4096;
    /** Images above this many pixels are refused: decoding them would take minutes even when subsampled. */
    public static final long DEFAULT_MAX_PIXELS = 200_000_000L;

    private static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "gif");
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
        ImageFormat format = recogniseFormat(file);
        BufferedImage decoded = decode(file, format);
        return format == ImageFormat.JPEG ? exifOrientation(file).apply(decoded) : decoded;
    }

    /** True for the file names {@link #listImages} picks: jpg, jpeg, png, bmp, gif, in any letter case. */
    public static boolean hasImageExtension(Path file) {
        return IMAGE_EXTENSIONS.contains(extension(file));
    }

    /**
     * The image files among {@code pathsOrFolders}: files with an image extension as given, folders searched
     * recursively, hidden files and folders (name starting with a dot, or hidden to the OS) skipped, sorted,
     * each once.
     *
     * @throws NoSuchFileException when a given path does not exist
     */
    public static List<Path> listImages(List<Path> pathsOrFolders) throws IOException {
        TreeSet<Path> images = new TreeSet<>();
        for (Path path : pathsOrFolders) {
            if (Files.isDirectory(path)) {
                collectImages(path, images);
            } else if (!Files.exists(path)) {
                throw new NoSuchFileException(path.toString(), null, "no such image file or folder");
            } else if (hasImageExtension(path)) {
                images.add(path.normalize());
            }
        }
        return List.copyOf(images);
    }

    private static void collectImages(Path folder, Set<Path> images) throws IOException {
        Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                        return !dir.equals(folder) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE
                                : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        if (attrs.isRegularFile() && hasImageExtension(file) && !isHidden(file)) {
                            images.add(file.normalize());
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                        if (e instanceof FileSystemLoopException) {
                            LOG.warn("skipping {}: a link back into a folder already searched", file);
                            return FileVisitResult.CONTINUE;
                        }
                        throw e;
                    }
                });
    }

    private static boolean isHidden(Path path) throws IOException {
        Path name = path.getFileName();
        return (name != null && name.toString().startsWith(".")) || Files.isHidden(path);
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

    private BufferedImage decode(Path file, ImageFormat format) throws ImageLoadException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = readerFor(format, file);
            try {
                reader.setInput(in, true, true);
                TruncationWarnings warnings = new TruncationWarnings(file);
                reader.addIIOReadWarningListener(warnings);
                ImageReadParam param = sizedReadParam(reader, file);
                BufferedImage image = reader.read(0, param);
                warnings.throwIfTruncated(format);
                return image;
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
