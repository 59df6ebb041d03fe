package org.ferstudio.app.training;

import java.util.concurrent.atomic.AtomicBoolean;
import org.ferstudio.task.ProgressReporter;
import org.ferstudio.task.TaskHandle;

/**
 * A started background task with a cancel flag of its own. The executor's handle exists only once
 * {@code executeWith} has returned, which with the synchronous test executor is after the work ended;
 * a cancel asked for from a callback during the work therefore has to reach the work through this flag.
 */
final class CancellableRun {

    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private volatile TaskHandle handle;

    /** The reporter the work uses: it passes progress on and also sees this run's cancel flag. */
    ProgressReporter control(ProgressReporter progress) {
        return new ProgressReporter() {
            @Override
            public void report(double fraction, String message) {
                progress.report(fraction, message);
            }

            @Override
            public boolean isCancelled() {
                return cancelRequested.get() || progress.isCancelled();
            }
        };
    }

    void started(TaskHandle taskHandle) {
        handle = taskHandle;
        if (cancelRequested.get()) {
            taskHandle.cancel();
        }
    }

    void cancel() {
        cancelRequested.set(true);
        TaskHandle h = handle;
        if (h != null) {
            h.cancel();
        }
    }

    boolean isCancelRequested() {
        return cancelRequested.get();
    }
}
