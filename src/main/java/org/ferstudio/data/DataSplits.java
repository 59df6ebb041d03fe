package org.ferstudio.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The images to train, validate and test on, and how they were chosen, in words for logs and model cards.
 * FER2013's own splits are used when present; otherwise stratified, seeded hold-outs are cut, so the same
 * data and seed always give the same split.
 *
 * @param test null when the data has no test split
 */
public record DataSplits(FaceImages train, FaceImages validation, FaceImages test, String description) {

    public static final List<String> TRAIN_NAMES = List.of("Training", "train", "training");
    public static final List<String> VALIDATION_NAMES = List.of("PublicTest", "val", "valid", "validation");
    public static final List<String> TEST_NAMES = List.of("PrivateTest", "test");

    /** @throws IllegalArgumentException when a named split is missing or no training split can be found */
    public static DataSplits resolve(Dataset dataset, SplitOptions options) {
        Map<String, FaceImages> splits = dataset.splits();
        if (splits.isEmpty()) {
            throw new IllegalArgumentException("dataset " + dataset.source().name() + " holds no images");
        }
        String trainName = pick(dataset, options.trainSplit(), TRAIN_NAMES);
        if (trainName == null && splits.size() == 1 && options.validationSplit() == null && options.testSplit() == null) {
            return splitThreeWays(splits.keySet().iterator().next(), splits.values().iterator().next(), options);
        }
        if (trainName == null) {
            throw new IllegalArgumentException("no training split: none of " + TRAIN_NAMES + " is among the splits "
                    + splits.keySet() + " of " + dataset.source().name() + "; name the training split");
        }
        String validationName = pick(dataset, options.validationSplit(), VALIDATION_NAMES);
        String testName = pick(dataset, options.testSplit(), TEST_NAMES);
        requireDistinct(trainName, validationName, testName);
        FaceImages train = splits.get(trainName);
        FaceImages test = testName == null ? null : splits.get(testName);
        String testText = testName == null ? "none" : describe(testName, test);
        if (validationName != null) {
            FaceImages validation = splits.get(validationName);
            return new DataSplits(train, validation, test, "train: " + describe(trainName, train) + "; validation: "
                    + describe(validationName, validation) + "; test: " + testText);
        }
        int[][] parts = StratifiedPartition.of(train.labels(), new double[] {options.validationFraction()}, options.seed());
        FaceImages kept = train.subset(parts[0]);
        FaceImages validation = train.subset(parts[1]);
        String fraction = percent(options.validationFraction());
        return new DataSplits(kept, validation, test,
                "train: " + percent(1 - options.validationFraction()) + " of " + describe(trainName, kept)
                        + "; validation: " + fraction + " of " + trainName + ", stratified, seed " + options.seed()
                        + " (" + count(validation) + "); test: " + testText);
    }

    /** True for the split names this class recognises by itself (case-insensitive). */
    public static boolean isKnownSplitName(String name) {
        return knownSplitNames().stream().anyMatch(n -> n.equalsIgnoreCase(name));
    }

    /** The default names of all roles, each spelling once ignoring case. */
    public static List<String> knownSplitNames() {
        List<String> names = new ArrayList<>();
        Stream.of(TRAIN_NAMES, VALIDATION_NAMES, TEST_NAMES).flatMap(List::stream)
                .filter(n -> names.stream().noneMatch(n::equalsIgnoreCase)).forEach(names::add);
        return List.copyOf(names);
    }

    private static DataSplits splitThreeWays(String name, FaceImages all, SplitOptions options) {
        double[] heldOut = {options.validationFraction(), options.testFraction()};
        int[][] parts = StratifiedPartition.of(all.labels(), heldOut, options.seed());
        FaceImages train = all.subset(parts[0]);
        FaceImages validation = all.subset(parts[1]);
        FaceImages test = options.testFraction() > 0 ? all.subset(parts[2]) : null;
        double trainFraction = 1 - options.validationFraction() - options.testFraction();
        String description = "train/validation/test: " + percent(trainFraction) + "/"
                + percent(options.validationFraction()) + "/" + percent(options.testFraction()) + " of " + name
                + ", stratified, seed " + options.seed() + " (" + count(train) + " / " + count(validation) + " / "
                + (test == null ? "0" : count(test)) + " images)";
        return new DataSplits(train, validation, test, description);
    }

    /** The explicitly named split (which must exist), else the first default name present, else null. */
    private static String pick(Dataset dataset, String explicit, List<String> defaults) {
        if (explicit != null) {
            String found = find(dataset.splits(), explicit);
            if (found == null) {
                throw new IllegalArgumentException("dataset " + dataset.source().name() + " has no split '" + explicit
                        + "'; its splits are " + dataset.splits().keySet());
            }
            return found;
        }
        return defaults.stream().map(n -> find(dataset.splits(), n)).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** Exact name first, then ignoring case ("training" finds "Training"). */
    private static String find(Map<String, FaceImages> splits, String name) {
        if (splits.containsKey(name)) {
            return name;
        }
        return splits.keySet().stream().filter(n -> n.equalsIgnoreCase(name)).findFirst().orElse(null);
    }

    private static void requireDistinct(String train, String validation, String test) {
        List<String> used = new ArrayList<>();
        for (String name : new String[] {train, validation, test}) {
            if (name != null && used.contains(name)) {
                throw new IllegalArgumentException("split '" + name + "' is used for two roles (train, validation, test)");
            }
            used.add(name);
        }
    }

    private static String describe(String name, FaceImages images) {
        return name + " (" + count(images) + ")";
    }

    private static String count(FaceImages images) {
        return String.format(Locale.ROOT, "%,d", images.size());
    }

    private static String percent(double fraction) {
        double value = fraction * 100;
        return Math.abs(value - Math.rint(value)) < 1e-9
                ? String.format(Locale.ROOT, "%.0f%%", value)
                : String.format(Locale.ROOT, "%.1f%%", value);
    }
}
