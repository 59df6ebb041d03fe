package org.ferstudio.io;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes files and model folders so that a crash, a full disk or a failing writer never leaves a
 * half-written result: readers see either the old content or the new, complete one. New content goes
 * to a hidden temporary name beside the target ({@code .name.<random>.tmp}, same folder so the final
 * rename stays on one file system), is forced to disk, and is then renamed over the target. What a killed
 * save leaves under such names is removed by the next save in that folder ({@link LeftoverTemporaries}).
 */
public final class AtomicFiles {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);

    /** Writes content to a stream; may throw {@link IOException}. */
    @FunctionalInterface
    public interface IOConsumer<T> {
        void accept(T value) throws IOException;
    }

    /** Moves a file or folder; a seam so tests can make the swap fail half-way. */
    @FunctionalInterface
    interface Mover {
        void move(Path source, Path target) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Replaces {@code target} with what {@code writer} writes. On any failure the old file (if any) is
     * unchanged and the temporary file is gone; I/O failures come back as an {@link IOException}
     * "could not write &lt;target&gt;: &lt;reason&gt;", other exceptions from the writer unchanged.
     * Closing the stream inside the writer is allowed and harmless.
     */
    public static void write(Path target, IOConsumer<OutputStream> writer) throws IOException {
        Path file = target.toAbsolutePath().normalize();
        Path tmp = null;
        try {
            Files.createDirectories(file.getParent());
            LeftoverTemporaries.removeOnceIn(file.getParent());
            tmp = createSiblingFile(file, ".tmp");
            writeAndForce(tmp, writer);
            moveAtomically(tmp, file);
            forceDirectory(file.getParent());
        } catch (IOException e) {
            deleteQuietly(tmp, e);
            throw new IOException("could not write " + target + ": " + reason(e), e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(tmp, e);
            throw e;
        }
    }

    /** Replaces {@code target} with {@code text} in UTF-8. */
    public static void writeString(Path target, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(target, out -> out.write(bytes));
    }

    /** Replaces {@code target} with {@code image} as PNG. */
    public static void writePng(Path target, BufferedImage image) throws IOException {
        write(target, out -> Pngs.write(image, out));
    }

    /**
     * A new, empty folder beside {@code targetDir} (hidden temporary name) to write a model into before
     * {@link #replaceDirectory} swaps it in.
     */
    public static Path newDirectoryBeside(Path targetDir) throws IOException {
        Path dir = targetDir.toAbsolutePath().normalize();
        Files.createDirectories(dir.getParent());
        LeftoverTemporaries.removeOnceIn(dir.getParent());
        return Files.createDirectory(siblingPath(dir, ".tmp"));
    }

    /**
     * Swaps the fully written folder {@code tmpDir} in as {@code targetDir}, which may or may not exist.
     * The old folder is first renamed to a backup name, the new one renamed into place, then the backup
     * deleted; if the second rename fails the old folder is renamed back. Both folders must share a parent.
     * Between the two renames (microseconds) no folder exists under the target name.
     */
    public static void replaceDirectory(Path tmpDir, Path targetDir) throws IOException {
        replaceDirectory(tmpDir, targetDir, AtomicFiles::moveAtomically);
    }

    static void replaceDirectory(Path tmpDir, Path targetDir, Mover mover) throws IOException {
        Path source = tmpDir.toAbsolutePath().normalize();
        Path target = targetDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(source)) {
            throw new IOException("could not replace " + targetDir + ": " + tmpDir + " is not a folder");
        }
        if (!source.getParent().equals(target.getParent())) {
            throw new IllegalArgumentException("the new folder " + tmpDir + " must be beside " + targetDir
                    + " so that it can be renamed into place");
        }
        // rename only orders metadata; without this the swapped-in folder could hold empty files after a power cut
        forceTree(source);
        if (!Files.exists(target)) {
            move(mover, source, target);
            forceDirectory(target.getParent());
            return;
        }
        Path backup = siblingPath(target, ".old");
        move(mover, target, backup);
        try {
            mover.move(source, target);
        } catch (IOException | RuntimeException e) {
            String kept = restore(mover, backup, target, e) ? "the old folder was kept" : "the old folder is now " + backup;
            throw new IOException("could not replace " + targetDir + ": " + reason(e) + " (" + kept + ")", e);
        }
        forceDirectory(target.getParent());
        deleteBackup(backup);
    }

    private static void writeAndForce(Path tmp, IOConsumer<OutputStream> writer) throws IOException {
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
             OutputStream buffered = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
            writer.accept(new CloseShieldOutputStream(buffered));
            buffered.flush();
            channel.force(true);
        }
    }

    private static void move(Mover mover, Path source, Path target) throws IOException {
        try {
            mover.move(source, target);
        } catch (IOException e) {
            throw new IOException("could not move " + source + " to " + target + ": " + reason(e), e);
        }
    }

    private static void moveAtomically(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            LOG.debug("atomic move not supported for {}, replacing instead", target);
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Renames the backup back; false (and logged) when even that fails. */
    private static boolean restore(Mover mover, Path backup, Path target, Exception cause) {
        try {
            mover.move(backup, target);
            return true;
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
            LOG.error("could not restore {}; the old folder is kept as {}", target, backup, e);
            return false;
        }
    }

    private static void deleteBackup(Path backup) {
        try {
            deleteTree(backup);
        } catch (IOException e) {
            // the new folder is in place; a leftover backup only costs disk space
            LOG.warn("could not delete the old folder {}: {}", backup, e.toString());
        }
    }

    /** Hidden name beside {@code path}; random so that concurrent writers never collide. */
    private static Path siblingPath(Path path, String suffix) {
        String random = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        return path.resolveSibling("." + path.getFileName() + "." + random + suffix);
    }

    // created here rather than with Files.createTempFile, which would give the final file mode 0600
    private static Path createSiblingFile(Path file, String suffix) throws IOException {
        return Files.createFile(siblingPath(file, suffix));
    }

    private static void forceTree(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                        channel.force(true);
                    }
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Makes a rename durable on Linux; other systems cannot open folders this way, which is harmless. */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.trace("cannot force folder {}: {}", dir, e.toString());
        }
    }

    public static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteQuietly(Path tmp, Throwable cause) {
        if (tmp == null) {
            return;
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    private static String reason(Throwable e) {
        if (e instanceof FileSystemException fs && fs.getReason() == null) {
            // these say only the path ("error: /x/y"); say what is wrong with it
            String what = e instanceof NoSuchFileException ? "no such file or folder"
                    : e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof FileAlreadyExistsException
                            ? fs.getFile() != null && Files.isDirectory(Path.of(fs.getFile())) ? "already exists"
                            : "is a file, not a folder"
                    : e instanceof NotDirectoryException ? "not a folder"
                    : e instanceof DirectoryNotEmptyException ? "folder not empty" : null;
            if (what != null) {
                return fs.getFile() + ": " + what;
            }
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** Lets writers close the stream (Jackson does by default) without closing the channel before the fsync. */
    private static final class CloseShieldOutputStream extends FilterOutputStream {

        CloseShieldOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
