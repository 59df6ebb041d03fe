package org.ferstudio.vision;

/** The face detectors a user can choose between, with the settings each runs with for photos and video. */
public enum DetectorChoice {

    /** OpenCV's YuNet network: turned, tilted and partly covered faces too; a score and five landmarks. */
    YUNET("yunet", "YuNet"),
    /** OpenCV's Viola-Jones frontal-face cascade: upright frontal faces only, boxes alone. */
    HAAR("haar", "Haar cascade");

    /** The default, chosen by the measurements in docs/DETECTION.md. */
    public static final DetectorChoice DEFAULT = YUNET;

    private final String id;
    private final String displayName;

    DetectorChoice(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    /** The name in the CLI, JSON output and preferences: "yunet" or "haar". */
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** The choice named {@code id} ("yunet" or "haar", any letter case); {@link #DEFAULT} for null or unknown. */
    public static DetectorChoice fromId(String id) {
        for (DetectorChoice c : values()) {
            if (c.id.equalsIgnoreCase(String.valueOf(id).trim())) {
                return c;
            }
        }
        return DEFAULT;
    }

    /** A detector for photos finding faces from {@code minFaceSizePx}. Loads OpenCV and the model: slow. */
    public FaceDetector forPhotos(int minFaceSizePx) {
        return this == YUNET ? new YuNetFaceDetector(YuNetFaceDetector.Settings.defaults().withMinFaceSize(minFaceSizePx))
                : new HaarFaceDetector(DetectorSettings.defaults().withMinFaceSize(minFaceSizePx));
    }

    /** A detector for photos with the default settings. */
    public FaceDetector forPhotos() {
        return forPhotos(DetectorSettings.defaults().minFaceSizePx());
    }

    /** A detector with the lighter video settings (a smaller detection copy, larger faces only). */
    public FaceDetector forVideo() {
        return this == YUNET ? new YuNetFaceDetector(YuNetFaceDetector.Settings.video())
                : new HaarFaceDetector(DetectorSettings.video());
    }
}
