package org.ferstudio.store;

import java.io.IOException;

/** An output that would delete or replace something FER Studio did not make, or a model not agreed to replace. */
public final class OutputRefusedException extends IOException {

    private static final long serialVersionUID = 1L;

    public OutputRefusedException(String message) {
        super(message);
    }
}
