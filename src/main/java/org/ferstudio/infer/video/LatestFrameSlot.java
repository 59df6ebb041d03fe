package org.ferstudio.infer.video;

import java.util.function.Consumer;

/**
 * The one-place hand-over between the capture thread and the processing thread. Live sources use
 * "latest frame wins": a new frame replaces one not yet taken (which is discarded and counted), so a slow
 * consumer sees the present rather than a growing backlog and memory stays bounded. Lossless mode (a
 * file processed as fast as possible) makes the producer wait instead, so no frame is skipped.
 */
final class LatestFrameSlot<T> {

    private final boolean lossless;
    private final Consumer<T> discard;
    private T item;
    private boolean finished;
    private boolean closed;
    private Throwable failure;
    private long dropped;

    /**
     * @param lossless wait for the consumer instead of replacing an untaken frame
     * @param discard  releases a frame that will never be taken
     */
    LatestFrameSlot(boolean lossless, Consumer<T> discard) {
        this.lossless = lossless;
        this.discard = discard;
    }

    /** Offers a frame; false (and the frame discarded) once the slot is closed. */
    synchronized boolean put(T frame) throws InterruptedException {
        while (lossless && item != null && !closed) {
            wait();
        }
        if (closed) {
            discard.accept(frame);
            return false;
        }
        if (item != null) {
            discard.accept(item);
            dropped++;
        }
        item = frame;
        notifyAll();
        return true;
    }

    /** The producer has no more frames; {@code error} (may be null) is why, when it failed. */
    synchronized void finish(Throwable error) {
        finished = true;
        if (failure == null) {
            failure = error;
        }
        notifyAll();
    }

    /** The next frame, waiting for one; null once the input finished or the slot was closed. */
    synchronized T take() throws InterruptedException {
        while (item == null && !finished && !closed) {
            wait();
        }
        T next = closed ? null : item;
        item = null;
        notifyAll();
        return next;
    }

    /** Stops both sides: waiting calls return, the frame held is discarded. */
    synchronized void close() {
        closed = true;
        if (item != null) {
            discard.accept(item);
            item = null;
        }
        notifyAll();
    }

    /** Why the producer stopped, if it failed. */
    synchronized Throwable failure() {
        return failure;
    }

    synchronized long dropped() {
        return dropped;
    }
}
