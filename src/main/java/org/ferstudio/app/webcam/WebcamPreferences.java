package org.ferstudio.app.webcam;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.prefs.Preferences;

/** The webcam pane's remembered settings: last camera, last video folder, smoothing on or off. */
final class WebcamPreferences {

    private static final String CAMERA = "camera";
    private static final String VIDEO_FOLDER = "videoFolder";
    private static final String SMOOTHING = "smoothing";

    private final Preferences node;

    WebcamPreferences(Preferences node) {
        this.node = node;
    }

    /** The camera index last chosen; 0 at first. */
    int camera() {
        return Math.max(0, node.getInt(CAMERA, 0));
    }

    void camera(int index) {
        node.putInt(CAMERA, index);
    }

    /** The folder of the last video opened, if it still exists. */
    Optional<Path> videoFolder() {
        String folder = node.get(VIDEO_FOLDER, null);
        return Optional.ofNullable(folder).map(Path::of).filter(Files::isDirectory);
    }

    void videoFolder(Path folder) {
        node.put(VIDEO_FOLDER, folder.toAbsolutePath().normalize().toString());
    }

    /** On by default: without it the label of a face can flicker between expressions from frame to frame. */
    boolean smoothing() {
        return node.getBoolean(SMOOTHING, true);
    }

    void smoothing(boolean on) {
        node.putBoolean(SMOOTHING, on);
    }
}
