package org.ferstudio.vision;

import java.io.IOException;
import java.nio.file.Path;

/** An image file that could not be loaded; the message always names the file and the reason. */
public class ImageLoadException extends IOException {

    private final transient Path file;
    private final String reason;

    public ImageLoadException(Path file, String reason) {
        this(file, reason, null);
    }

    public ImageLoadException(Path file, String reason, Throwable cause) {
        super("cannot load image " + file + ": " + reason, cause);
        this.file = file;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    /** The reason alone, e.g. "empty file" or "not an image", for a status line that shows the file apart. */
    public String reason() {
        return reason;
    }
}
