package org.ferstudio.spark;

import java.io.Serializable;
import org.ferstudio.vision.DetectorChoice;

/**
 * How a prediction job finds and classifies faces: the detector and eye levelling (as {@code predict}'s
 * {@code --detector} and {@code --align}), the test-time augmentation ({@code model} = the card's choice), the
 * smallest face, how often a video is sampled, and the executors' native limits.
 */
public record PredictionSettings(DetectorChoice detector, boolean align, String tta, int minFace, long frameEveryMs,
                                 NativeLimits limits) implements Serializable {

    private static final long serialVersionUID = 2L;

    public PredictionSettings {
        if (detector == null) {
            throw new IllegalArgumentException("a face detector is needed: yunet or haar");
        }
        if (minFace < 1) {
            throw new IllegalArgumentException("the smallest face must be at least 1 pixel, got " + minFace);
        }
        if (frameEveryMs < 1) {
            throw new IllegalArgumentException("video frames are sampled every 1 ms or more, got " + frameEveryMs);
        }
    }

    /** {@code predict}'s defaults (its default detector, no levelling); a video frame a second. */
    public static PredictionSettings defaults() {
        return new PredictionSettings(DetectorChoice.DEFAULT, false, "model", 30, 1000, NativeLimits.defaults());
    }

    public PredictionSettings withDetector(DetectorChoice choice) {
        return new PredictionSettings(choice, align, tta, minFace, frameEveryMs, limits);
    }

    public PredictionSettings withAlign(boolean on) {
        return new PredictionSettings(detector, on, tta, minFace, frameEveryMs, limits);
    }

    public PredictionSettings withFrameEveryMs(long ms) {
        return new PredictionSettings(detector, align, tta, minFace, ms, limits);
    }

    public PredictionSettings withMinFace(int px) {
        return new PredictionSettings(detector, align, tta, px, frameEveryMs, limits);
    }

    public PredictionSettings withTta(String id) {
        return new PredictionSettings(detector, align, id, minFace, frameEveryMs, limits);
    }

    /** What sets an analyser apart in an executor's pool. */
    String analyserKey() {
        return detector.id() + "/" + (align ? "aligned" : "as-found") + "/" + tta + "/" + minFace;
    }
}
