package org.ferstudio.task;

import java.util.function.Consumer;

/**
 * A slow piece of work with its callbacks, run by a {@link TaskExecutor}: the work runs on a worker
 * thread, the callbacks where the executor delivers them (the JavaFX thread in the app, the calling
 * thread in tests). Built as {@code BackgroundTask.wrap(work).onSuccess(..).onFailure(..).executeWith(executor)}.
 */
public final class BackgroundTask<T> {

    /** The work itself; it reports progress and checks for cancel through {@code progress}. */
    @FunctionalInterface
    public interface Work<T> {
        T run(ProgressReporter progress) throws Exception;
    }

    /** Progress as the UI sees it. */
    @FunctionalInterface
    public interface ProgressListener {
        void onProgress(double fraction, String message);
    }

    private final Work<T> work;
    private Runnable onRunning = () -> { };
    private ProgressListener onProgress = (f, m) -> { };
    private Consumer<T> onSuccess = r -> { };
    private Consumer<Throwable> onFailure;
    private Runnable onCancelled = () -> { };
    private Runnable onFinished = () -> { };

    private BackgroundTask(Work<T> work) {
        this.work = work;
    }

    public static <T> BackgroundTask<T> wrap(Work<T> work) {
        return new BackgroundTask<>(work);
    }

    public BackgroundTask<T> onRunning(Runnable r) {
        onRunning = r;
        return this;
    }

    public BackgroundTask<T> onProgress(ProgressListener l) {
        onProgress = l;
        return this;
    }

    public BackgroundTask<T> onSuccess(Consumer<T> c) {
        onSuccess = c;
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<Throwable> c) {
        onFailure = c;
        return this;
    }

    public BackgroundTask<T> onCancelled(Runnable r) {
        onCancelled = r;
        return this;
    }

    /** Runs last, after success, failure or cancel: for resetting "busy" state. */
    public BackgroundTask<T> onFinished(Runnable r) {
        onFinished = r;
        return this;
    }

    public TaskHandle executeWith(TaskExecutor executor) {
        return executor.execute(this);
    }

    Work<T> work() {
        return work;
    }

    Runnable runningCallback() {
        return onRunning;
    }

    ProgressListener progressCallback() {
        return onProgress;
    }

    Consumer<T> successCallback() {
        return onSuccess;
    }

    /** Null when the caller did not ask to hear about failures; the executor then logs them. */
    Consumer<Throwable> failureCallback() {
        return onFailure;
    }

    Runnable cancelledCallback() {
        return onCancelled;
    }

    Runnable finishedCallback() {
        return onFinished;
    }
}
