package org.ferstudio.infer.video;

import java.util.List;

/**
 * What the live loop found in one frame.
 *
 * @param frameIndex   the frame's index in the source (gaps are frames dropped to keep up)
 * @param timestampMs  the frame's time from the start of the video
 * @param faces        the tracked faces, probabilities smoothed per track
 * @param detected     whether face detection ran on this frame (else the tracked boxes were re-classified)
 * @param processingMs time spent on this frame: detection, classification, smoothing
 * @param latencyMs    from reading the frame to its results: processing plus waiting for the processor
 * @param fps          frames processed per second over the last second
 * @param dropped      frames dropped so far because processing was busy
 */
public record FrameAnalysis(long frameIndex, long timestampMs, List<TrackedFace> faces, boolean detected,
                            double processingMs, double latencyMs, double fps, long dropped) {

    public FrameAnalysis {
        faces = List.copyOf(faces);
    }
}
