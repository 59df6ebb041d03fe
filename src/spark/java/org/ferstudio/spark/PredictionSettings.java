package org.ferstudio.spark;

import java.io.Serializable;

/**
 * How a prediction job classifies: the test-time augmentation ({@code model} = the card's choice, as
 * {@code predict}), the smallest face, how often a video is sampled, and the executors' native limits.
 */
public record PredictionSettings(String tta, int minFace, long frameEveryMs, NativeLimits limits) implements Serializable {

    private static final long serialVersionUID = 1L;

    public PredictionSettings {
        if (minFace < 1) {
            throw new IllegalArgumentException("the smallest face must be at least 1 pixel, got " + minFace);
        }
        if (frameEveryMs < 1) {
            throw new IllegalArgumentException("video frames are sampled every 1 ms or more, got " + frameEveryMs);
        }
    }

    /** {@code predict}'s defaults; a video frame a second. */
    public static PredictionSettings defaults() {
        return new PredictionSettings("model", 30, 1000, NativeLimits.defaults());
    }

    public PredictionSettings withFrameEveryMs(long ms) {
        return new PredictionSettings(tta, minFace, ms, limits);
    }

    public PredictionSettings withMinFace(int px) {
        return new PredictionSettings(tta, px, frameEveryMs, limits);
    }

    public PredictionSettings withTta(String id) {
        return new PredictionSettings(id, minFace, frameEveryMs, limits);
    }
}
