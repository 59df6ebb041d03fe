package org.ferstudio.app.webcam;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands values from a producer thread to the UI thread, latest wins: at most one delivery is queued on the
 * UI executor at any time, and it delivers whatever value is newest when it runs. A video thread producing
 * 30 frames a second thus never floods {@code Platform.runLater} when the FX thread is busy, and the screen
 * shows the present rather than a backlog.
 */
final class LatestValueHandoff<T> {

    private final Executor uiThread;
    private final Consumer<T> consumer;
    private final AtomicReference<T> pending = new AtomicReference<>();

    LatestValueHandoff(Executor uiThread, Consumer<T> consumer) {
        this.uiThread = uiThread;
        this.consumer = consumer;
    }

    /** From any thread: replaces the value not yet delivered, or schedules a delivery. */
    void offer(T value) {
        if (value == null) {
            throw new IllegalArgumentException("null cannot be handed over");
        }
        // only the offer that finds the slot empty schedules: a queued delivery will pick up later values
        if (pending.getAndSet(value) == null) {
            uiThread.execute(this::deliver);
        }
    }

    private void deliver() {
        T value = pending.getAndSet(null);
        if (value != null) {
            consumer.accept(value);
        }
    }
}
