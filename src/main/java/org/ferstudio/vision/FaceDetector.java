package org.ferstudio.vision;

import java.util.List;
import org.ferstudio.model.FaceBox;

/** Finds faces in an image. Implementations must be safe to call from several threads. */
public interface FaceDetector {

    /** Boxes in the image's own pixel coordinates, largest first. */
    List<FaceBox> detect(GreyImage image);
}
