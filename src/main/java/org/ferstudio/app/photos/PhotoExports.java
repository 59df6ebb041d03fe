package org.ferstudio.app.photos;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.ferstudio.infer.PredictionFormats;
import org.ferstudio.model.ClassLabels;
import org.ferstudio.model.FaceResult;
import org.ferstudio.model.PhotoResult;
import org.ferstudio.io.AtomicFiles;
import org.ferstudio.vision.FaceAnnotator;

/**
 * Writes what the Photos pane exports, in exactly the formats of {@code predict --annotate/--csv/--json},
 * and atomically, so a failed save never leaves half a file. Called on worker threads.
 */
final class PhotoExports {

    private PhotoExports() {
    }

    /** {@code faces} are in the pixels of the file, {@code fileWidth} wide; {@code photo} may be smaller. */
    static void writeAnnotatedPng(Path target, BufferedImage photo, List<FaceResult> faces, int fileWidth)
            throws IOException {
        BufferedImage annotated = new FaceAnnotator().annotate(photo, faces, fileWidth);
        AtomicFiles.writePng(target, annotated);
    }

    static void writeCsv(Path target, List<PhotoResult> results, ClassLabels classes) throws IOException {
        AtomicFiles.writeString(target, PredictionFormats.csv(results, classes));
    }

    static void writeJson(Path target, List<PhotoResult> results) throws IOException {
        // the CLI ends its JSON output with a newline too
        AtomicFiles.writeString(target, PredictionFormats.json(results) + "\n");
    }
}
