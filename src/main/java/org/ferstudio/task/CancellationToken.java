package org.ferstudio.task;

/** A progress reporter that only carries a cancel request: for callers that show no progress. */
public final class CancellationToken implements ProgressReporter {

    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void report(double fraction, String message) {
        // nothing to show
    }
}
