package org.ferstudio.infer.video;

/**
 * A finished run of the live loop.
 *
 * @param framesProcessed   frames that went through detection or re-classification
 * @param framesDropped     frames skipped because processing was busy (real-time sources only)
 * @param seconds           wall time from start to end
 * @param meanProcessingMs  mean time spent on a frame
 * @param meanLatencyMs     mean time from reading a frame to its results
 */
public record LoopStats(long framesProcessed, long framesDropped, double seconds, double meanProcessingMs,
                        double meanLatencyMs) {

    /** Frames processed per second of wall time; 0 before any time passed. */
    public double fps() {
        return seconds > 0 ? framesProcessed / seconds : 0;
    }
}
