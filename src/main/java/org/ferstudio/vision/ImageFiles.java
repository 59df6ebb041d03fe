package org.ferstudio.vision;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
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
import java.util.List;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the photos among paths a user gave, the way a batch needs it: one path that is missing, or one
 * folder that cannot be read, is reported with its reason and the search goes on. Files given by name are
 * kept whatever their extension (the user chose them, so an unreadable one gets its reason when it is
 * loaded); folders are searched recursively for {@link ImageLoader#hasImageExtension image extensions},
 * skipping hidden files and folders.
 */
public final class ImageFiles {

    private static final Logger LOG = LoggerFactory.getLogger(ImageFiles.class);

    /** A path that could not be searched, and why ("no such file or folder", "permission denied", ...). */
    public record Problem(Path path, String reason) {

        /** "cannot search /photos/private: permission denied". */
        public String message() {
            return "cannot search " + path + ": " + reason;
        }
    }

    /** The files found (sorted, each once) and the paths that could not be searched. */
    public record Search(List<Path> files, List<Problem> problems) {

        public Search {
            files = List.copyOf(files);
            problems = List.copyOf(problems);
        }
    }

    private ImageFiles() {
    }

    public static Search find(List<Path> pathsOrFolders) {
        TreeSet<Path> files = new TreeSet<>();
        List<Problem> problems = new ArrayList<>();
        for (Path path : pathsOrFolders) {
            if (Files.isDirectory(path)) {
                Collector collector = new Collector(path, files, problems);
                try {
                    Files.walkFileTree(path, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, collector);
                } catch (IOException e) {
                    problems.add(problem(path, e));
                }
            } else if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                problems.add(new Problem(path, "no such file or folder"));
            } else {
                files.add(path.normalize());
            }
        }
        return new Search(List.copyOf(files), problems);
    }

    /** The reason in a few words, naming the path that failed rather than the one given. */
    static Problem problem(Path given, IOException e) {
        Path where = given;
        String reason = e.getMessage();
        if (e instanceof FileSystemException f) {
            where = f.getFile() != null ? Path.of(f.getFile()) : given;
            reason = e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof NoSuchFileException ? "it no longer exists"
                    : f.getReason() != null ? f.getReason() : e.getClass().getSimpleName();
        }
        return new Problem(where, reason == null ? e.getClass().getSimpleName() : reason);
    }

    /** Collects image files; a folder or file that fails is recorded and skipped, never ends the walk. */
    static final class Collector extends SimpleFileVisitor<Path> {

        private final Path root;
        private final TreeSet<Path> files;
        private final List<Problem> problems;

        Collector(Path root, TreeSet<Path> files, List<Problem> problems) {
            this.root = root;
            this.files = files;
            this.problems = problems;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
            return !dir.equals(root) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            if (attrs.isRegularFile() && ImageLoader.hasImageExtension(file) && !isHidden(file)) {
                files.add(file.normalize());
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (e instanceof FileSystemLoopException) {
                LOG.warn("skipping {}: a link back into a folder already searched", file);
            } else if (!isHiddenName(file)) {
                problems.add(problem(file, e));
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
            if (e != null) {
                problems.add(problem(dir, e));
            }
            return FileVisitResult.CONTINUE;
        }
    }

    private static boolean isHidden(Path path) throws IOException {
        return isHiddenName(path) || Files.isHidden(path);
    }

    private static boolean isHiddenName(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }
}
