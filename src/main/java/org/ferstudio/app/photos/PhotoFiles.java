package org.ferstudio.app.photos;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ferstudio.vision.ImageLoader;

/**
 * Turns what the user opened or dropped into the photo files to analyse. Folders are searched as
 * {@code predict} searches them ({@link ImageLoader#listImages}: recursive, image extensions only, hidden
 * files skipped). A file chosen by name is kept whatever its extension: the user picked it, so a text file
 * is listed with the reason it cannot be shown rather than silently dropped.
 */
final class PhotoFiles {

    /** The files found, in order and each once, and the folders that could not be searched, with the reason. */
    record Found(List<Path> files, List<String> problems) {
    }

    private PhotoFiles() {
    }

    /** Worker thread: searches the folders among {@code paths}; one unreadable folder does not stop the others. */
    static Found expand(List<Path> paths) {
        Set<Path> files = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (Path path : paths) {
            Path absolute = path.toAbsolutePath().normalize();
            if (!Files.isDirectory(absolute)) {
                files.add(absolute);
                continue;
            }
            try {
                files.addAll(ImageLoader.listImages(List.of(absolute)));
            } catch (IOException e) {
                problems.add(describe(absolute, e));
            }
        }
        return new Found(List.copyOf(files), List.copyOf(problems));
    }

    /** "cannot search /photos/private: permission denied", naming the folder that failed, not just the one given. */
    static String describe(Path folder, IOException e) {
        Path where = folder;
        String reason = e.getMessage();
        if (e instanceof FileSystemException f) {
            where = f.getFile() != null ? Path.of(f.getFile()) : folder;
            reason = e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof NoSuchFileException ? "it no longer exists"
                    : f.getReason() != null ? f.getReason() : e.getClass().getSimpleName();
        }
        return "cannot search " + where + ": " + reason;
    }
}
