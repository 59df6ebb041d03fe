package org.ferstudio.app.common;

import java.nio.file.Path;
import org.ferstudio.model.ModelCard;

/**
 * One entry of the model picker: a model folder with its card, and whether it ships with the app or
 * is the user's own.
 */
public record ModelChoice(Path folder, ModelCard card, boolean shipped) {

    /** "fer-cnn3 (cnn3, test 64.1%)" or "... (user)" for the user's own models. */
    public String displayName() {
        StringBuilder s = new StringBuilder(card.name()).append(" (").append(card.architecture());
        if (card.test() != null) {
            s.append(", test ").append(String.format(java.util.Locale.ROOT, "%.1f%%", 100 * card.test().accuracy()));
        }
        if (!shipped) {
            s.append(", user");
        }
        return s.append(')').toString();
    }

    @Override
    public String toString() {
        return displayName();
    }
}
