package org.ferstudio.task;

/** Thrown by long work that stopped because the user asked it to. */
public class CancelledException extends RuntimeException {

    public CancelledException() {
        super("cancelled");
    }
}
