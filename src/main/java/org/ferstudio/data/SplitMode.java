package org.ferstudio.data;

/**
 * How the images are divided into training, validation and test sets ({@link DatasetSplitter}). How a mode is
 * described to the user is the app's business.
 */
public enum SplitMode {

    /** The data's own splits: FER2013's Usage column, or split folders such as train/ and test/. */
    FROM_DATA,
    /** A stratified split of all images ({@link SplitOptions#DEFAULT_FRACTION}), the same for the same seed. */
    RANDOM;

    /** The mode named {@code name} (as {@link #name()} gives it, e.g. from preferences), or {@code fallback}. */
    public static SplitMode parse(String name, SplitMode fallback) {
        for (SplitMode mode : values()) {
            if (mode.name().equals(name)) {
                return mode;
            }
        }
        return fallback;
    }
}
