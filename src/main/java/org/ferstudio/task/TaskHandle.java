package org.ferstudio.task;

/** A started task: ask it to stop, or see whether it ended. */
public interface TaskHandle {

    /** Asks the work to stop at its next check; its onCancelled callback follows when it has. */
    void cancel();

    boolean isCancelRequested();

    boolean isDone();
}
