package org.ferstudio.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ferstudio.data.ImageFolderLayout.ClassFolder;
import org.ferstudio.model.ClassLabels;
import org.ferstudio.task.ProgressReporter;
import org.ferstudio.face.FacePreprocessor;
import org.ferstudio.vision.ImageLoadException;
import org.ferstudio.vision.ImageLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads image folders ({@code root/<class>/*} or {@code root/<split>/<class>/*}) through
 * {@link FacePreprocessor#toGrey48}, in sorted order. Unreadable, corrupt and non-image files are reported
 * with their path and skipped (strict mode stops at the first). Every file is read once, for both the
 * checksum and the decoding.
 */
public final class ImageFolderReader {

    public static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif", "webp");

    private static final Logger LOG = LoggerFactory.getLogger(ImageFolderReader.class);
    private static final FacePreprocessor PREPROCESSOR = new FacePreprocessor();
    /** Decodes like inference does; its pixel limit guards against huge or hostile images. */
    private static final ImageLoader LOADER = new ImageLoader();
    private static final long MAX_IMAGE_BYTES = 64L << 20;

    private ImageFolderReader() {
    }

    /** A file to read, and whether its image is wanted (known class, within the per-split limit). */
    private record Entry(ClassFolder folder, Path path, int label, boolean wanted) {
    }

    /**
     * @throws DatasetFormatException when the folder has no class folders or cannot be listed, or (strict
     *                                mode) at the first bad file
     * @throws org.ferstudio.task.CancelledException when {@code progress} asks to stop
     */
    public static Dataset read(Path root, ReadOptions options, ProgressReporter progress) {
        long started = System.nanoTime();
        ImageFolderLayout layout = ImageFolderLayout.scan(root);
        ClassLabels labels = options.labels() != null ? options.labels() : layout.defaultLabels();
        DatasetAssembler assembler = new DatasetAssembler(labels, options);
        List<Entry> entries = listEntries(layout, labels, assembler, options.maxRowsPerSplit());
        MessageDigest sha256 = Checksums.newSha256();
        ThrottledProgress throttled = new ThrottledProgress(progress, "Reading " + ImageFolderLayout.name(root), "files");
        long bytes = 0;
        for (int i = 0; i < entries.size(); i++) {
            throttled.update((double) i / entries.size(), i);
            bytes += readEntry(root, entries.get(i), sha256, assembler);
        }
        throttled.done(entries.size());
        DatasetSource source = new DatasetSource(ImageFolderLayout.name(root), root,
                Checksums.hex(sha256), bytes);
        Dataset dataset = assembler.build(source);
        LOG.info("Read {} ({} layout): {} images in splits {}, {} problems, {} ms", root,
                layout.hasSplits() ? "split/class" : "class", dataset.totalImages(), dataset.splits().keySet(),
                assembler.problemCount(), (System.nanoTime() - started) / 1_000_000);
        return dataset;
    }

    private static List<Entry> listEntries(ImageFolderLayout layout, ClassLabels labels, DatasetAssembler assembler,
                                           int maxPerSplit) {
        List<Entry> entries = new ArrayList<>();
        for (ClassFolder folder : layout.classFolders()) {
            int label = labels.indexOf(folder.className()).orElse(-1);
            if (label < 0) {
                assembler.problem(new DataProblem(folder.dir().toString(), "label", "unknown label '"
                        + folder.className() + "': the classes are " + String.join(", ", labels.names())
                        + "; its files are not read"));
            }
            for (Path path : ImageFolderLayout.entries(folder.dir())) {
                if (Files.isDirectory(path)) {
                    assembler.problem(new DataProblem(path.toString(), "file",
                            "folder inside a class folder: its files are not read"));
                } else {
                    entries.add(new Entry(folder, path, label, label >= 0 && isImageName(path)));
                }
            }
        }
        return applyLimit(entries, maxPerSplit, assembler);
    }

    /**
     * Keeps at most maxRowsPerSplit images per split, shared among the classes in proportion to their size:
     * taking the first files in sorted order would take whole classes and leave others empty.
     */
    private static List<Entry> applyLimit(List<Entry> entries, int maxPerSplit, DatasetAssembler assembler) {
        Map<ClassFolder, Integer> wantedPerFolder = new LinkedHashMap<>();
        entries.stream().filter(Entry::wanted).forEach(e -> wantedPerFolder.merge(e.folder(), 1, Integer::sum));
        Map<ClassFolder, Integer> quotas = SplitQuotas.of(wantedPerFolder, ClassFolder::split, maxPerSplit);
        Map<ClassFolder, Integer> taken = new HashMap<>();
        List<Entry> limited = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            boolean wanted = entry.wanted() && taken.merge(entry.folder(), 1, Integer::sum) <= quotas.get(entry.folder());
            if (entry.wanted() && !wanted) {
                assembler.notReadByLimit();
            }
            limited.add(new Entry(entry.folder(), entry.path(), entry.label(), wanted));
        }
        return limited;
    }

    /** Hashes the file and, when wanted, adds its image; returns the file size. */
    private static long readEntry(Path root, Entry entry, MessageDigest sha256, DatasetAssembler assembler) {
        Path path = entry.path();
        try {
            long size = Files.size(path);
            hashName(root, path, size, sha256);
            boolean image = isImageName(path);
            if (!image || size > MAX_IMAGE_BYTES) {
                hashStreaming(path, sha256);
                if (entry.label() >= 0) {
                    assembler.problem(fileProblem(path, image
                            ? "file of " + size + " bytes is too large for a face image"
                            : "not an image file; only " + String.join(", ", IMAGE_EXTENSIONS.stream().sorted().toList())
                                    + " files are read"));
                }
                return size;
            }
            byte[] bytes = Files.readAllBytes(path);
            sha256.update(bytes);
            if (entry.wanted()) {
                addImage(entry, assembler);
            }
            return size;
        } catch (IOException e) {
            assembler.problem(fileProblem(path, "cannot read the file: " + e));
            return 0;
        }
    }

    private static void addImage(Entry entry, DatasetAssembler assembler) {
        BufferedImage image;
        try {
            // the same loader as inference (EXIF orientation, size limits), so a rotated JPEG trains upright
            image = LOADER.load(entry.path());
        } catch (ImageLoadException e) {
            assembler.problem(fileProblem(entry.path(), e.reason()));
            return;
        } catch (RuntimeException e) {
            // image decoders throw assorted runtime exceptions on malformed input; one bad file must not end the read
            assembler.problem(fileProblem(entry.path(), "corrupt image: " + e));
            return;
        }
        assembler.add(entry.folder().split(), PREPROCESSOR.toGrey48(image), entry.label());
    }

    /** Path and length go into the checksum too, so renaming or moving a file between classes changes it. */
    private static void hashName(Path root, Path path, long size, MessageDigest sha256) {
        String relative = root.relativize(path).toString().replace('\\', '/');
        sha256.update(relative.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0);
        sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(size).array());
    }

    private static void hashStreaming(Path path, MessageDigest sha256) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    private static boolean isImageName(Path path) {
        String name = ImageFolderLayout.name(path);
        int dot = name.lastIndexOf('.');
        return dot >= 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static DataProblem fileProblem(Path path, String reason) {
        return new DataProblem(path.toString(), "file", reason);
    }
}
