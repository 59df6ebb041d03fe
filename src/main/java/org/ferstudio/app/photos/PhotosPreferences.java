package org.ferstudio.app.photos;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.prefs.Preferences;

/** What the Photos pane remembers between runs: the folder photos were last opened from and exported to. */
final class PhotosPreferences {

    private static final String LAST_FOLDER = "lastFolder";
    private static final String EXPORT_FOLDER = "exportFolder";

    private final Preferences node;

    PhotosPreferences(Preferences node) {
        this.node = node;
    }

    /** The folder photos were last opened from, if it still exists. */
    Optional<Path> lastFolder() {
        return folder(LAST_FOLDER);
    }

    /** The folder results were last exported to, if it still exists; else the last folder opened. */
    Optional<Path> exportFolder() {
        return folder(EXPORT_FOLDER).or(this::lastFolder);
    }

    /** Remembers the folder of an opened file, or an opened folder itself. */
    void rememberOpened(Path fileOrFolder) {
        remember(LAST_FOLDER, Files.isDirectory(fileOrFolder) ? fileOrFolder : fileOrFolder.getParent());
    }

    void rememberExported(Path file) {
        remember(EXPORT_FOLDER, file.getParent());
    }

    private void remember(String key, Path folder) {
        if (folder != null) {
            node.put(key, folder.toAbsolutePath().normalize().toString());
        }
    }

    private Optional<Path> folder(String key) {
        String value = node.get(key, null);
        if (value == null) {
            return Optional.empty();
        }
        try {
            Path folder = Path.of(value);
            return Files.isDirectory(folder) ? Optional.of(folder) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
