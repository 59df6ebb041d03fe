package org.ferstudio.task;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
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
            outcome = failure(task, e);
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

    /**
     * A failure goes to the task's failure callback, which shows it to the user (and logs it there) or
     * expects it (an unreadable file); it is logged here only when nobody handles it, or when it is an
     * Error, which no callback can make right.
     */
    private static <T> Runnable failure(BackgroundTask<T> task, Throwable e) {
        Consumer<Throwable> handler = task.failureCallback();
        if (handler == null || e instanceof Error) {
            LOG.error("background task failed", e);
        } else {
            LOG.debug("background task failed; its failure callback handles it", e);
        }
        return handler == null ? () -> { } : () -> handler.accept(e);
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
