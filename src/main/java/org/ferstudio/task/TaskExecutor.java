package org.ferstudio.task;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every slow call of the app (detection, inference, training, dataset scans, exports) with
 * progress and cancel. Work runs on the worker executor; callbacks are handed to the callback executor
 * ({@code Platform::runLater} in the app). {@link #currentThread()} runs both on the calling thread, so
 * view-model tests are deterministic and need no toolkit.
 */
public final class TaskExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(TaskExecutor.class);

    private final Executor workers;
    private final Executor callbacks;

    public TaskExecutor(Executor workers, Executor callbacks) {
        this.workers = workers;
        this.callbacks = callbacks;
    }

    /** Work and callbacks on the calling thread: for tests. */
    public static TaskExecutor currentThread() {
        return new TaskExecutor(Runnable::run, Runnable::run);
    }

    /** Work on new daemon threads (one per task), callbacks through {@code callbacks}. */
    public static TaskExecutor background(Executor callbacks) {
        return new TaskExecutor(r -> {
            Thread t = new Thread(r, "fer-task");
            t.setDaemon(true);
            t.start();
        }, callbacks);
    }

    public <T> TaskHandle execute(BackgroundTask<T> task) {
        Handle handle = new Handle();
        callbacks.execute(task.runningCallback());
        workers.execute(() -> run(task, handle));
        return handle;
    }

    private <T> void run(BackgroundTask<T> task, Handle handle) {
        ProgressReporter progress = new ProgressReporter() {
            @Override
            public void report(double fraction, String message) {
                callbacks.execute(() -> task.progressCallback().onProgress(fraction, message));
            }

            @Override
            public boolean isCancelled() {
                return handle.cancelRequested.get();
            }
        };
        Runnable outcome;
        try {
            T result = task.work().run(progress);
            outcome = handle.cancelRequested.get() ? task.cancelledCallback()
                    : () -> task.successCallback().accept(result);
        } catch (CancelledException e) {
            outcome = task.cancelledCallback();
        } catch (Exception | Error e) {
            LOG.error("background task failed", e);
            outcome = () -> task.failureCallback().accept(e);
        }
        Runnable last = outcome;
        callbacks.execute(() -> {
            try {
                last.run();
            } finally {
                handle.done.set(true);
                task.finishedCallback().run();
            }
        });
    }

    private static final class Handle implements TaskHandle {
        final AtomicBoolean cancelRequested = new AtomicBoolean();
        final AtomicBoolean done = new AtomicBoolean();

        @Override
        public void cancel() {
            cancelRequested.set(true);
        }

        @Override
        public boolean isCancelRequested() {
            return cancelRequested.get();
        }

        @Override
        public boolean isDone() {
            return done.get();
        }
    }
}
