package org.ferstudio.app.training;

import java.util.Locale;
import org.ferstudio.data.SplitOptions;

/** How the images are divided into training, validation and test sets. */
public enum SplitMode {

    /** The data's own splits: FER2013's Usage column, or split folders such as train/ and test/. */
    FROM_DATA("The data's own splits (Usage column or split folders)"),
    /** A stratified split of all images, the same for the same seed. */
    RANDOM(String.format(Locale.ROOT, "Random split, stratified: %.0f%% train, %.0f%% validation, %.0f%% test",
            100 * (1 - 2 * SplitOptions.DEFAULT_FRACTION), 100 * SplitOptions.DEFAULT_FRACTION,
            100 * SplitOptions.DEFAULT_FRACTION));

    private final String description;

    SplitMode(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The mode named in preferences, or {@code fallback} for an unknown name. */
    static SplitMode parse(String name, SplitMode fallback) {
        for (SplitMode mode : values()) {
            if (mode.name().equals(name)) {
                return mode;
            }
        }
        return fallback;
    }

    @Override
    public String toString() {
        return description;
    }
}
