package org.ferstudio.store;

import java.io.IOException;

/** A model folder that cannot be used, with a message naming the file and what is wrong with it. */
public class ModelLoadException extends IOException {

    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
