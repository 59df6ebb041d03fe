package org.ferstudio.app.photos;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.ferstudio.model.FaceResult;
import org.ferstudio.model.PhotoResult;

/**
 * One photo in the Photos list. The entry stays the same object for its whole life and its state changes
 * in place, so the list's selection survives re-analysis; the list observes {@link #stateProperty()} to
 * redraw the row.
 */
public final class PhotoEntry {

    private final Path file;
    private final ReadOnlyObjectWrapper<PhotoState> state;

    PhotoEntry(Path file) {
        this.file = file;
        this.state = new ReadOnlyObjectWrapper<>(this, "state", PhotoState.pending(null));
    }

    public Path file() {
        return file;
    }

    public String name() {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    public ReadOnlyObjectProperty<PhotoState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public PhotoState state() {
        return state.get();
    }

    public PhotoStatus status() {
        return state.get().status();
    }

    public List<FaceResult> faces() {
        return state.get().faces();
    }

    /** Why the photo failed (the message names the file), or null. */
    public String reason() {
        return state.get().reason();
    }

    void finished(PhotoResult result, BufferedImage thumbnail) {
        state.set(PhotoState.finished(result, thumbnail));
    }

    void markPending() {
        state.set(PhotoState.pending(state.get().thumbnail()));
    }

    @Override
    public String toString() {
        return name() + " (" + status() + ")";
    }
}
