package org.ferstudio.infer.video;

import java.io.IOException;

/**
 * A camera that does not open, with what was found instead: its message reads "no camera at index N (hint)",
 * and {@link #hint()} is the part a user can act on (the video devices found, or a permission problem).
 */
public final class CameraUnavailableException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int index;
    private final String hint;

    public CameraUnavailableException(int index, String hint) {
        super("no camera at index " + index + " (" + hint + ")");
        this.index = index;
        this.hint = hint;
    }

    public int index() {
        return index;
    }

    /** For example "found /dev/video0; check permissions, /dev/videoN". */
    public String hint() {
        return hint;
    }
}
