package org.ferstudio.app.training;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.prefs.Preferences;

/**
 * What the wizard remembers between sessions, in {@code services.preferences("training")}: the dataset
 * last used and the folder it was browsed from, its split, and the last training settings. Values are
 * kept as the user typed them; the view-models validate them like fresh input.
 */
final class TrainingPreferences {

    static final String DATASET_PATH = "datasetPath";
    static final String DATASET_FOLDER = "datasetFolder";
    static final String CLASS_NAMES = "classNames";
    static final String SPLIT_MODE = "splitMode";
    static final String SPLIT_SEED = "splitSeed";
    static final String ARCHITECTURE = "architecture";
    static final String RECIPE = "recipe";
    static final String EPOCHS = "epochs";
    static final String BATCH = "batch";
    static final String LEARNING_RATE = "learningRate";
    static final String AUGMENTATION = "augmentation";
    static final String STRONG_AUGMENTATION = "strongAugmentation";
    static final String BALANCING = "balancing";

    private final Preferences node;

    TrainingPreferences(Preferences node) {
        this.node = node;
    }

    String get(String key, String fallback) {
        return node.get(key, fallback);
    }

    boolean getBoolean(String key, boolean fallback) {
        return node.getBoolean(key, fallback);
    }

    void put(String key, String value) {
        node.put(key, value);
    }

    void putBoolean(String key, boolean value) {
        node.putBoolean(key, value);
    }

    /** The folder the file choosers open in: where the last dataset was chosen. */
    Optional<Path> datasetFolder() {
        String folder = node.get(DATASET_FOLDER, null);
        try {
            return folder == null ? Optional.empty() : Optional.of(Path.of(folder));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
