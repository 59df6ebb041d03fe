package org.ferstudio.app.photos;

import javafx.scene.paint.Color;
import org.ferstudio.vision.FaceAnnotator;

/** The colour of each emotion on screen: the same as in annotated exports, so the two always agree. */
final class EmotionColours {

    private EmotionColours() {
    }

    static Color of(int classIndex) {
        java.awt.Color c = FaceAnnotator.colour(classIndex);
        return Color.rgb(c.getRed(), c.getGreen(), c.getBlue());
    }

    /** Black on light colours (the yellow of Happy), white on dark ones: the rule FaceAnnotator uses. */
    static Color textOn(Color background) {
        return background.getRed() + background.getGreen() + background.getBlue() > 450 / 255.0 ? Color.BLACK : Color.WHITE;
    }
}
