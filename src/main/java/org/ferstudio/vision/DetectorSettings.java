package org.ferstudio.vision;

/**
 * How {@link HaarFaceDetector} searches an image.
 *
 * @param scaleFactor      step between the cascade's search scales, above 1; smaller finds more faces, slower
 * @param minNeighbors     overlapping raw hits a face needs to be kept; higher means fewer false faces
 * @param minFaceSizePx    smallest face side searched for, in the original image's pixels
 * @param maxDetectionSide detection runs on a copy shrunk so its longer side is at most this; 0 = never shrink
 */
public record DetectorSettings(double scaleFactor, int minNeighbors, int minFaceSizePx, int maxDetectionSide) {

    /**
     * Measured on the sample photos (docs/DETECTION.md): 1.1/5 finds all three faces of the group photo and
     * no false ones on the portraits; the faster 1.3/5 misses one of the three.
     */
    private static final DetectorSettings DEFAULT = new DetectorSettings(1.1, 5, 30, 640);

    /** The frontal-face cascade's window: no face smaller than this is found in the detection copy. */
    static final int CASCADE_WINDOW_PX = 24;

    public DetectorSettings {
        if (!(scaleFactor > 1.0 && scaleFactor < 10.0)) {
            throw new IllegalArgumentException("scale factor must be above 1 (and below 10), got " + scaleFactor);
        }
        if (minNeighbors < 0) {
            throw new IllegalArgumentException("min neighbours must be 0 or more, got " + minNeighbors);
        }
        if (minFaceSizePx < 1) {
            throw new IllegalArgumentException("minimum face size must be at least 1 px, got " + minFaceSizePx);
        }
        if (maxDetectionSide != 0 && maxDetectionSide < CASCADE_WINDOW_PX) {
            throw new IllegalArgumentException("max detection side must be 0 (no shrinking) or at least "
                    + CASCADE_WINDOW_PX + " px (the cascade's window), got " + maxDetectionSide);
        }
    }

    /** Scale factor 1.1, 5 neighbours, faces from 30 px, detection on a copy of at most 640 px. */
    public static DetectorSettings defaults() {
        return DEFAULT;
    }

    /**
     * Lighter search for video, where detection must fit between frames and faces fill much of the frame:
     * a 320 px copy and faces from 60 px (a face must be about 1/10 of a 640x480 frame's width).
     */
    public static DetectorSettings video() {
        return new DetectorSettings(1.2, 5, 60, 320);
    }

    public DetectorSettings withMinFaceSize(int minFaceSizePx) {
        return new DetectorSettings(scaleFactor, minNeighbors, minFaceSizePx, maxDetectionSide);
    }
}
