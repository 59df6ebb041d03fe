package org.ferstudio.app.webcam;

import java.util.List;
import java.util.Locale;
import org.ferstudio.infer.video.FrameAnalysis;
import org.ferstudio.infer.video.TrackedFace;
import org.ferstudio.model.FaceBox;
import org.ferstudio.model.FaceResult;

/**
 * One face as the overlay draws it: the box in frame pixels, the caption "Happy 87%" and the class whose
 * colour it takes (the colours of the photo annotations, one per expression).
 */
public record OverlayBox(int trackId, FaceBox box, String caption, int classIndex) {

    /** The boxes of every tracked face of a frame. */
    public static List<OverlayBox> of(FrameAnalysis analysis) {
        return analysis.faces().stream().map(OverlayBox::of).toList();
    }

    static OverlayBox of(TrackedFace face) {
        FaceResult result = face.result();
        return new OverlayBox(face.trackId(), result.box(), caption(result), result.bestIndex());
    }

    /** "Happy 87%": the most probable expression and its (smoothed) probability. */
    static String caption(FaceResult result) {
        return String.format(Locale.ROOT, "%s %.0f%%", result.label(), 100 * result.confidence());
    }
}
