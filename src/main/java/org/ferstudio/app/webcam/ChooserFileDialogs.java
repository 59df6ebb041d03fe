package org.ferstudio.app.webcam;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.FileChooser.ExtensionFilter;
import javafx.stage.Window;

/** {@link FileDialogs} as the system's file choosers. */
final class ChooserFileDialogs implements FileDialogs {

    private static final ExtensionFilter ALL_FILES = new ExtensionFilter("All files", "*");

    @Override
    public Optional<Path> chooseVideo(Window owner, Optional<Path> folder) {
        FileChooser chooser = chooser("Open a video", folder);
        // "All files" too: an .mp4 picked by mistake then gets the message on how to convert it
        chooser.getExtensionFilters().addAll(new ExtensionFilter("MJPG video (*.avi)", "*.avi", "*.AVI"), ALL_FILES);
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseSnapshotTarget(Window owner, Optional<Path> folder, String suggestedName) {
        FileChooser chooser = chooser("Save the snapshot", folder);
        chooser.getExtensionFilters().add(new ExtensionFilter("PNG image (*.png)", "*.png"));
        chooser.setInitialFileName(suggestedName);
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseTimelineTarget(Window owner, Optional<Path> folder, String suggestedName) {
        FileChooser chooser = chooser("Record the timeline", folder);
        chooser.getExtensionFilters().add(new ExtensionFilter("CSV table (*.csv)", "*.csv"));
        chooser.setInitialFileName(suggestedName);
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
    }

    private static FileChooser chooser(String title, Optional<Path> folder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        folder.map(Path::toFile).filter(File::isDirectory).ifPresent(chooser::setInitialDirectory);
        return chooser;
    }
}
