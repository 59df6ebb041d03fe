package org.ferstudio.data;

/**
 * Which splits of a dataset to train, validate and test on.
 *
 * @param trainSplit         split name for training, or null for the first of {@link DataSplits#TRAIN_NAMES}
 * @param validationSplit    split name for validation, or null for the first of
 *                           {@link DataSplits#VALIDATION_NAMES}; without one, a stratified
 *                           {@code validationFraction} of the training split is held out
 * @param testSplit          split name for the final test, or null for the first of {@link DataSplits#TEST_NAMES}
 * @param validationFraction share held out for validation when the data has no validation split
 * @param testFraction       share held out for testing when the data has no splits at all
 * @param seed               seed of the stratified hold-outs
 */
public record SplitOptions(String trainSplit, String validationSplit, String testSplit,
                           double validationFraction, double testFraction, long seed) {

    public static final double DEFAULT_FRACTION = 0.1;
    public static final long DEFAULT_SEED = 42;

    public SplitOptions {
        if (validationFraction <= 0 || testFraction < 0 || validationFraction + testFraction >= 1) {
            throw new IllegalArgumentException("need 0 < validationFraction, 0 <= testFraction and a sum below 1, got "
                    + validationFraction + " and " + testFraction);
        }
    }

    public static SplitOptions defaults() {
        return new SplitOptions(null, null, null, DEFAULT_FRACTION, DEFAULT_FRACTION, DEFAULT_SEED);
    }

    public SplitOptions withSplitNames(String train, String validation, String test) {
        return new SplitOptions(train, validation, test, validationFraction, testFraction, seed);
    }

    public SplitOptions withFractions(double validation, double test) {
        return new SplitOptions(trainSplit, validationSplit, testSplit, validation, test, seed);
    }

    public SplitOptions withSeed(long newSeed) {
        return new SplitOptions(trainSplit, validationSplit, testSplit, validationFraction, testFraction, newSeed);
    }
}
