package org.ferstudio.model;

/**
 * A face as a detector found it: its box, and where the detector gives them its confidence and five
 * landmarks (YuNet does; the Haar cascade gives neither).
 *
 * @param score     the detector's confidence 0..1, NaN when it gives none
 * @param landmarks the five points, null when the detector gives none
 */
public record DetectedFace(FaceBox box, double score, FaceLandmarks landmarks) {

    public DetectedFace {
        if (box == null) {
            throw new IllegalArgumentException("a detected face needs a box");
        }
    }

    /** A face known only by its box. */
    public static DetectedFace of(FaceBox box) {
        return new DetectedFace(box, Double.NaN, null);
    }

    public boolean hasScore() {
        return !Double.isNaN(score);
    }

    public boolean hasLandmarks() {
        return landmarks != null;
    }
}
