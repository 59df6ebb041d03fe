package org.ferstudio.app.webcam;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.ferstudio.infer.video.TrackedFace;
import org.ferstudio.model.FaceResult;
import org.ferstudio.io.AtomicFiles;
import org.ferstudio.vision.FaceAnnotator;

/**
 * Saves a shown frame as a PNG with its boxes and labels (and on request landmarks) drawn as the photo
 * annotations draw them.
 * Written atomically: a failed save leaves whatever file was there.
 */
final class SnapshotWriter {

    private SnapshotWriter() {
    }

    /** @param landmarks whether the faces' landmarks are drawn too, as the overlay shows them */
    static void write(LiveFrame frame, Path target, boolean landmarks) throws IOException {
        List<FaceResult> faces = frame.analysis().faces().stream().map(TrackedFace::result).toList();
        BufferedImage annotated = new FaceAnnotator().withLandmarks(landmarks).annotate(frame.pixels().toBufferedImage(), faces);
        AtomicFiles.writePng(target, annotated);
    }
}
