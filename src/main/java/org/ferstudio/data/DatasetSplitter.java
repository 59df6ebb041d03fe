package org.ferstudio.data;

/**
 * Turns a read dataset into training, validation and test sets for a {@link SplitMode}, through
 * {@link DataSplits#resolve} as the command line does. For a random split of data that has splits of its
 * own, the splits are pooled first ({@link Dataset#pooled}), because {@code resolve} cuts a three-way split
 * only from data without named splits.
 */
public final class DatasetSplitter {

    /** A split that can be trained on, or why there is none. */
    public record Attempt(DataSplits splits, String error) {

        /** The split in words, or why there is none. */
        public String description() {
            return splits != null ? splits.description() : error;
        }
    }

    private DatasetSplitter() {
    }

    /** Splits the data; a split without training or validation images is an error too, as training needs both. */
    public static Attempt attempt(Dataset dataset, SplitMode mode, long seed) {
        try {
            DataSplits s = split(dataset, mode, seed);
            if (s.train().size() == 0 || s.validation().size() == 0) {
                return new Attempt(null, "Training needs images in both the training (" + s.train().size()
                        + ") and the validation (" + s.validation().size() + ") set; " + s.description());
            }
            return new Attempt(s, null);
        } catch (IllegalArgumentException e) {
            return new Attempt(null, "Cannot split the data: " + e.getMessage());
        }
    }

    /** @throws IllegalArgumentException naming the problem, e.g. data whose splits have no training split */
    static DataSplits split(Dataset dataset, SplitMode mode, long seed) {
        SplitOptions options = SplitOptions.defaults().withSeed(seed);
        if (mode == SplitMode.FROM_DATA) {
            if (!dataset.hasOwnSplits()) {
                throw new IllegalArgumentException("the data has no splits of its own (no Usage column or split "
                        + "folders); use a random split");
            }
            return DataSplits.resolve(dataset, options);
        }
        return DataSplits.resolve(dataset.pooled(), options);
    }
}
