package org.ferstudio.infer.video;

import java.util.ArrayDeque;

/** Events per second over the last second, e.g. processed frames. Not thread-safe. */
final class RateMeter {

    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final ArrayDeque<Long> times = new ArrayDeque<>();

    /** Records an event at {@code nanos} and returns the rate over the window ending there. */
    double tick(long nanos) {
        times.addLast(nanos);
        while (nanos - times.peekFirst() > WINDOW_NANOS) {
            times.removeFirst();
        }
        long span = nanos - times.peekFirst();
        // with one event in the window there is no interval to measure yet
        return times.size() < 2 || span <= 0 ? 0 : (times.size() - 1) * 1e9 / span;
    }
}
