package org.ferstudio.app.webcam;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The choices of the source picker: the cameras found, then the video file opened last, and the one
 * selected. Remembers the camera chosen and the folder of the video opened.
 */
final class SourcePicker {

    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final CameraDevices cameras;
    private final WebcamPreferences preferences;
    private final ObservableList<VideoChoice> sources = FXCollections.observableArrayList();
    // one wrapper for everyone: listeners on a wrapper made per call would be collected with it
    private final ObservableList<VideoChoice> readOnlySources = FXCollections.unmodifiableObservableList(sources);
    private final ObjectProperty<VideoChoice> selected = new SimpleObjectProperty<>(this, "selected");

    SourcePicker(CameraDevices cameras, WebcamPreferences preferences) {
        this.cameras = cameras;
        this.preferences = preferences;
        refreshCameras();
        selected.addListener((observable, was, now) -> {
            if (now instanceof VideoChoice.Camera camera) {
                preferences.camera(camera.index());
            }
        });
    }

    ObservableList<VideoChoice> sources() {
        return readOnlySources;
    }

    ObjectProperty<VideoChoice> selected() {
        return selected;
    }

    /** Lists the cameras again (one may have been plugged in); keeps the file and the selection. */
    void refreshCameras() {
        VideoChoice chosen = selected.get();
        List<VideoChoice> updated = new ArrayList<>();
        cameras.indices().forEach(index -> updated.add(new VideoChoice.Camera(index)));
        // a camera chosen before stays listed even when unplugged: Start then says it is missing
        if (chosen instanceof VideoChoice.Camera && !updated.contains(chosen)) {
            updated.add(chosen);
        }
        sources.stream().filter(VideoChoice.VideoFile.class::isInstance).forEach(updated::add);
        // an unchanged list is left alone, so the picker keeps its selection as the user sees it
        if (!updated.equals(sources)) {
            sources.setAll(updated);
        }
        if (chosen == null) {
            VideoChoice.Camera remembered = new VideoChoice.Camera(preferences.camera());
            selected.set(updated.contains(remembered) ? remembered : updated.get(0));
        }
    }

    /** Lists {@code file} in place of the video opened before, selects it and remembers its folder. */
    VideoChoice.VideoFile chooseFile(Path file) {
        VideoChoice.VideoFile choice = new VideoChoice.VideoFile(file);
        Path folder = choice.file().getParent();
        if (folder != null && Files.isDirectory(folder)) {
            preferences.videoFolder(folder);
        }
        List<VideoChoice> updated = new ArrayList<>(sources.filtered(VideoChoice.Camera.class::isInstance));
        updated.add(choice);
        sources.setAll(updated);
        selected.set(choice);
        return choice;
    }

    /** The folder of the last video opened. */
    Optional<Path> videoFolder() {
        return preferences.videoFolder();
    }

    /** "camera-0-20250101-120000.png": the source and the time, so that saved files do not overwrite each other. */
    String suggestedName(String extension) {
        VideoChoice choice = selected.get();
        String source = choice == null ? "webcam" : choice.displayName().replaceFirst("\\.[^.]*$", "")
                .replaceAll("[^\\w.-]+", "-").toLowerCase(Locale.ROOT);
        return source + "-" + LocalDateTime.now().format(NAME_TIME) + "." + extension;
    }
}
