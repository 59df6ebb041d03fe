package org.ferstudio.infer.video;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-track exponential smoothing of class probabilities: {@code s = alpha * s + (1 - alpha) * p}, so a
 * label does not flicker from frame to frame. {@code alpha} is the weight of the past: 0 turns smoothing
 * off, 0.5 halves the influence of a frame every frame. The output of a weighted mean of probability
 * vectors still sums to 1. {@link #smooth} and {@link #forget} belong to one thread; the weight may be
 * changed from any thread and applies from the next frame on, continuing from each track's current state.
 */
public final class ProbabilitySmoother {

    private volatile double alpha;
    private final Map<Integer, float[]> state = new HashMap<>();

    /** @param alpha weight of the past, in [0, 1) */
    public ProbabilitySmoother(double alpha) {
        this.alpha = checked(alpha);
    }

    /** Changes the weight of the past, in [0, 1), from the next frame on; 0 turns smoothing off. */
    public void setAlpha(double alpha) {
        this.alpha = checked(alpha);
    }

    public double alpha() {
        return alpha;
    }

    /** {@code alpha} if it is a weight of the past, in [0, 1). */
    public static double checked(double alpha) {
        if (!(alpha >= 0 && alpha < 1)) {
            throw new IllegalArgumentException("smoothing must be at least 0 and below 1, got " + alpha);
        }
        return alpha;
    }

    /** The smoothed probabilities of a track after this frame's {@code probabilities} (a new array). */
    public float[] smooth(int trackId, float[] probabilities) {
        float[] previous = state.get(trackId);
        if (previous == null || previous.length != probabilities.length) {
            float[] first = probabilities.clone();
            state.put(trackId, first);
            return first.clone();
        }
        double past = alpha;
        float[] next = new float[probabilities.length];
        for (int c = 0; c < next.length; c++) {
            next[c] = (float) (past * previous[c] + (1 - past) * probabilities[c]);
        }
        state.put(trackId, next);
        return next.clone();
    }

    /** Drops the state of ended tracks, so a reused id or a long session does not carry old values. */
    public void forget(Collection<Integer> trackIds) {
        trackIds.forEach(state::remove);
    }

    /** Tracks that have state; for tests and diagnostics. */
    public int trackCount() {
        return state.size();
    }
}
