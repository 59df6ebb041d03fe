package org.ferstudio.app.webcam;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Point2D;
import org.ferstudio.infer.video.FrameAnalysis;
import org.ferstudio.infer.video.TrackedFace;
import org.ferstudio.model.FaceBox;
import org.ferstudio.model.FaceLandmarks;
import org.ferstudio.model.FaceResult;

/**
 * One face as the overlay draws it: the box in frame pixels, the caption "Happy 87%", the class whose
 * colour it takes (the colours of the photo annotations, one per expression), and the detector's five
 * landmarks in frame pixels (null when the detector gives none, as Haar does).
 */
public record OverlayBox(int trackId, FaceBox box, String caption, int classIndex, FaceLandmarks landmarks) {

    /** The boxes of every tracked face of a frame. */
    public static List<OverlayBox> of(FrameAnalysis analysis) {
        return analysis.faces().stream().map(OverlayBox::of).toList();
    }

    static OverlayBox of(TrackedFace face) {
        FaceResult result = face.result();
        return new OverlayBox(face.trackId(), result.box(), caption(result), result.bestIndex(), result.landmarks());
    }

    /** "Happy 87%": the most probable expression and its (smoothed) probability. */
    static String caption(FaceResult result) {
        return String.format(Locale.ROOT, "%s %.0f%%", result.label(), 100 * result.confidence());
    }

    /** Where the landmark dots go on an overlay placed by {@code fit}; empty without landmarks. */
    List<Point2D> landmarkDots(Letterbox fit) {
        if (landmarks == null) {
            return List.of();
        }
        return Arrays.stream(landmarks.points()).map(p -> new Point2D(fit.areaX(p.x()), fit.areaY(p.y()))).toList();
    }

    /** The radius of a landmark dot on the overlay: grows with the face, never smaller than 2.5 px. */
    double landmarkRadius(Letterbox fit) {
        return Math.max(2.5, box.width() * fit.scale() / 40);
    }
}
