package org.ferstudio.app.webcam;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The FX thread's role in view-model tests without the toolkit: what the view-model hands to its UI
 * executor waits in a queue until the test thread runs it. The test thread is thus the one UI thread, as
 * in the app, and a test can see how much was queued.
 */
final class UiThreadQueue implements Executor {

    private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();

    @Override
    public void execute(Runnable task) {
        queue.add(task);
    }

    /** Tasks waiting to run. */
    int pending() {
        return queue.size();
    }

    /** Runs queued tasks, waiting for more, until {@code done} holds; fails after {@code timeout}. */
    void runUntil(BooleanSupplier done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail("the condition did not hold within " + timeout);
            }
            Runnable task = queue.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
            if (task != null) {
                task.run();
            }
        }
    }

    /** Runs what is queued and whatever arrives within {@code period}. */
    void runFor(Duration period) throws InterruptedException {
        long end = System.nanoTime() + period.toNanos();
        runUntil(() -> System.nanoTime() >= end, period.plusSeconds(1));
    }
}
