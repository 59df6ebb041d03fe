package org.ferstudio.app.training;

import java.util.Locale;

/**
 * A face the trained model got wrong, for the results grid.
 *
 * @param pixels     48x48 grey values, row-major, as in {@link org.ferstudio.data.FaceImages}
 * @param confidence the probability the model gave its wrong answer
 */
public record MisclassifiedFace(byte[] pixels, String trueLabel, String predictedLabel, double confidence) {

    public MisclassifiedFace {
        pixels = pixels.clone();
    }

    @Override
    public byte[] pixels() {
        return pixels.clone();
    }

    /** "Sad → Neutral (87%)". */
    public String caption() {
        return String.format(Locale.ROOT, "%s → %s (%.0f%%)", trueLabel, predictedLabel, 100 * confidence);
    }
}
