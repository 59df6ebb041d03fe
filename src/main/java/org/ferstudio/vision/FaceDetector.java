package org.ferstudio.vision;

import java.util.List;
import org.ferstudio.model.DetectedFace;
import org.ferstudio.model.FaceBox;

/** Finds faces in an image. Implementations must be safe to call from several threads. */
public interface FaceDetector {

    /** Boxes in the image's own pixel coordinates, largest first. */
    List<FaceBox> detect(GreyImage image);

    /**
     * The faces with whatever else the detector knows of them (score, landmarks), largest first, in the
     * image's pixels. By default the boxes alone.
     */
    default List<DetectedFace> detectFaces(GreyImage image) {
        return detect(image).stream().map(DetectedFace::of).toList();
    }

    /**
     * The box the classifier's crop is taken from for a face this detector found at {@code detected}: the
     * classifier learnt FER2013's framing, which Haar boxes approximate; a detector with another framing
     * maps its boxes to it (docs/DETECTION.md). By default the box itself.
     */
    default FaceBox classifierFraming(FaceBox detected) {
        return detected;
    }

    /** A short name for output and logs ("haar", "yunet"). */
    default String name() {
        return getClass().getSimpleName();
    }
}
