package org.ferstudio.infer.video;

/**
 * Receives the live loop's results. All calls come from the loop's processing thread, one at a time;
 * a GUI hands them over to its own thread. A slow listener slows the loop (and, live, drops frames).
 */
public interface LiveListener {

    /**
     * One processed frame. The frame is valid only during the call (it is closed afterwards): copy what
     * is needed, e.g. {@link Frame#bgrPixels()}. An exception thrown here stops the loop and comes back
     * through {@link #onError}.
     */
    void onFrame(Frame frame, FrameAnalysis analysis) throws Exception;

    /** The loop failed (reading, detection, classification or {@link #onFrame}) and is stopping. */
    void onError(Throwable error);

    /** The loop ended: end of the file, frame limit, stop() or an error. Called exactly once, last. */
    default void onFinished(LoopStats stats) {
    }
}
