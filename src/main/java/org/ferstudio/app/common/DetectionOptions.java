package org.ferstudio.app.common;

import java.util.prefs.Preferences;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.ferstudio.vision.DetectorChoice;

/**
 * How the app finds faces, shared by the Photos and Webcam panes and the status bar: the detector, whether
 * faces are levelled by their eyes, and whether landmarks are drawn. Each change is remembered in its
 * preferences node at once; the panes listen and analyse again what they show. FX thread only.
 */
public final class DetectionOptions {

    static final String DETECTOR_KEY = "detector";
    static final String ALIGN_KEY = "align";
    static final String LANDMARKS_KEY = "showLandmarks";

    private final ObjectProperty<DetectorChoice> detector = new SimpleObjectProperty<>(this, "detector");
    private final BooleanProperty align = new SimpleBooleanProperty(this, "align");
    private final BooleanProperty showLandmarks = new SimpleBooleanProperty(this, "showLandmarks");
    private final StringBinding summary;

    public DetectionOptions(Preferences node) {
        detector.set(DetectorChoice.fromId(node.get(DETECTOR_KEY, DetectorChoice.DEFAULT.id())));
        align.set(node.getBoolean(ALIGN_KEY, false));
        showLandmarks.set(node.getBoolean(LANDMARKS_KEY, false));
        detector.addListener((obs, old, now) -> {
            if (now == null) {
                detector.set(old); // there is always a detector
            } else {
                node.put(DETECTOR_KEY, now.id());
            }
        });
        align.addListener((obs, old, now) -> node.putBoolean(ALIGN_KEY, now));
        showLandmarks.addListener((obs, old, now) -> node.putBoolean(LANDMARKS_KEY, now));
        summary = Bindings.createStringBinding(() -> "Faces: " + detector.get().displayName()
                + (align.get() ? ", levelled by the eyes" : ""), detector, align);
    }

    /** The detector the panes use; setting it re-analyses what they show. */
    public ObjectProperty<DetectorChoice> detectorProperty() {
        return detector;
    }

    public DetectorChoice detector() {
        return detector.get();
    }

    /** Whether faces are rotated so their eyes are level before classification (needs landmarks: YuNet). */
    public BooleanProperty alignProperty() {
        return align;
    }

    public boolean align() {
        return align.get();
    }

    /** Whether the five landmarks are drawn on the faces. */
    public BooleanProperty showLandmarksProperty() {
        return showLandmarks;
    }

    /** For the status bar: "Faces: YuNet" or "Faces: Haar cascade, levelled by the eyes". */
    public StringBinding summary() {
        return summary;
    }
}
