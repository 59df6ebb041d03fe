package org.ferstudio.app.webcam;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/**
 * The file dialogs the webcam pane asks for; an interface so pane tests can answer them (native dialogs
 * cannot be driven headless).
 */
interface FileDialogs {

    /** A video to open; empty when cancelled. */
    Optional<Path> chooseVideo(Window owner, Optional<Path> folder);

    /** Where to save a snapshot PNG. */
    Optional<Path> chooseSnapshotTarget(Window owner, Optional<Path> folder, String suggestedName);

    /** Where to save the timeline CSV. */
    Optional<Path> chooseTimelineTarget(Window owner, Optional<Path> folder, String suggestedName);
}
