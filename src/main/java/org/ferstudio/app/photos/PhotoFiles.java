package org.ferstudio.app.photos;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ferstudio.vision.ImageFiles;

/**
 * Turns what the user opened or dropped into the photo files to analyse. Folders are searched as
 * {@code predict} searches them ({@link ImageFiles#find}: recursive, image extensions only, hidden
 * files skipped). A file chosen by name is kept whatever its extension: the user picked it, so a text file
 * is listed with the reason it cannot be shown rather than silently dropped.
 */
final class PhotoFiles {

    /** The files found, in order and each once, and the folders that could not be searched, with the reason. */
    record Found(List<Path> files, List<String> problems) {
    }

    private PhotoFiles() {
    }

    /**
     * Worker thread: searches the folders among {@code paths}; one unreadable folder or sub-folder does not
     * stop the others.
     */
    static Found expand(List<Path> paths) {
        Set<Path> files = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (Path path : paths) {
            Path absolute = path.toAbsolutePath().normalize();
            if (!Files.isDirectory(absolute)) {
                files.add(absolute);
                continue;
            }
            ImageFiles.Search search = ImageFiles.find(List.of(absolute));
            files.addAll(search.files());
            search.problems().forEach(p -> problems.add(p.message()));
        }
        return new Found(List.copyOf(files), List.copyOf(problems));
    }
}
