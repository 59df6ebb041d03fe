package org.ferstudio.app.training;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ferstudio.app.common.ErrorReporter;
import org.ferstudio.data.ClassCount;
import org.ferstudio.data.DataProblem;
import org.ferstudio.data.DataSplits;
import org.ferstudio.data.Dataset;
import org.ferstudio.data.DatasetFormatException;
import org.ferstudio.data.DatasetInspection;
import org.ferstudio.data.DatasetSplitter;
import org.ferstudio.data.SplitMode;
import org.ferstudio.data.SplitOptions;
import org.ferstudio.data.ValidationReport;
import org.ferstudio.task.BackgroundTask;
import org.ferstudio.task.TaskExecutor;
import org.ferstudio.train.TrainingConfig;
import org.ferstudio.train.TrainingRequest;

/**
 * Step 1: choose a CSV file or image folder, read and validate it in the background, show its counts
 * per split and class and every bad row, and split it. The step is ready once a dataset was read and
 * split into non-empty training and validation sets; editing the path or class names afterwards asks
 * for a new validation, so the wizard never trains on data other than what the user sees.
 */
public final class DatasetStepViewModel {

    private final TaskExecutor executor;
    private final ErrorReporter errors;
    private final TrainingPreferences prefs;

    private final StringProperty path = new SimpleStringProperty(this, "path", "");
    private final StringProperty classNames = new SimpleStringProperty(this, "classNames", "");
    private final ObjectProperty<SplitMode> splitMode = new SimpleObjectProperty<>(this, "splitMode", SplitMode.FROM_DATA);
    private final StringProperty splitSeed = new SimpleStringProperty(this, "splitSeed",
            String.valueOf(SplitOptions.DEFAULT_SEED));
    private final ReadOnlyStringWrapper seedError = new ReadOnlyStringWrapper(this, "seedError", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper splitting = new ReadOnlyBooleanWrapper(this, "splitting");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "Choose a FER2013-style CSV file or a folder of class folders, then validate it.");
    private final ReadOnlyObjectWrapper<Dataset> dataset = new ReadOnlyObjectWrapper<>(this, "dataset");
    private final ReadOnlyObjectWrapper<DataSplits> splits = new ReadOnlyObjectWrapper<>(this, "splits");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper splitDescription = new ReadOnlyStringWrapper(this, "splitDescription", "");
    private final ObservableList<ClassCount> classCounts = FXCollections.observableArrayList();
    private final ObservableList<DataProblem> problems = FXCollections.observableArrayList();
    private final ObservableList<SplitMode> splitModes = FXCollections.observableArrayList(SplitMode.values());
    // read-only views made once and kept: the wrapper holds its source's listener weakly, so a wrapper
    // made per call could be garbage-collected together with the listeners a view added to it
    private final ObservableList<SplitMode> splitModesReadOnly = FXCollections.unmodifiableObservableList(splitModes);
    private final ObservableList<ClassCount> classCountsReadOnly =
            FXCollections.unmodifiableObservableList(classCounts);
    private final ObservableList<DataProblem> problemsReadOnly = FXCollections.unmodifiableObservableList(problems);
    private final BooleanBinding ready;
    private final BooleanBinding canValidate;

    private CancellableRun reading;
    private CancellableRun resplitting;
    private Path validatedPath;
    private String validatedClassNames;
    private boolean applying;

    public DatasetStepViewModel(TaskExecutor executor, ErrorReporter errors, TrainingPreferences prefs) {
        this.executor = executor;
        this.errors = errors;
        this.prefs = prefs;
        ready = Bindings.createBooleanBinding(() -> splits.get() != null && !busy.get() && !splitting.get()
                && seedError.get().isEmpty(), splits, busy, splitting, seedError);
        canValidate = Bindings.createBooleanBinding(() -> !busy.get() && !path.get().isBlank(), busy, path);
        path.set(prefs.get(TrainingPreferences.DATASET_PATH, ""));
        classNames.set(prefs.get(TrainingPreferences.CLASS_NAMES, ""));
        splitMode.set(SplitMode.parse(prefs.get(TrainingPreferences.SPLIT_MODE, ""), SplitMode.FROM_DATA));
        splitSeed.set(prefs.get(TrainingPreferences.SPLIT_SEED, String.valueOf(SplitOptions.DEFAULT_SEED)));
        path.addListener((obs, old, now) -> onInputEdited());
        classNames.addListener((obs, old, now) -> onInputEdited());
        splitMode.addListener((obs, old, now) -> onSplitSettingChanged());
        splitSeed.addListener((obs, old, now) -> onSplitSettingChanged());
    }

    /** The CSV file or image folder, as typed or chosen. */
    public StringProperty pathProperty() {
        return path;
    }

    /** Class names in label order, comma-separated (or a labels file); empty for the defaults. */
    public StringProperty classNamesProperty() {
        return classNames;
    }

    public ObjectProperty<SplitMode> splitModeProperty() {
        return splitMode;
    }

    /** The split modes this dataset allows (a random split only, when the data has no splits of its own). */
    public ObservableList<SplitMode> splitModes() {
        return splitModesReadOnly;
    }

    /** How a split mode is offered in the split choice. */
    public static String describe(SplitMode mode) {
        return switch (mode) {
            case FROM_DATA -> "The data's own splits (Usage column or split folders)";
            case RANDOM -> String.format(Locale.ROOT, "Random split, stratified: %.0f%% train, %.0f%% validation, "
                    + "%.0f%% test", 100 * (1 - 2 * SplitOptions.DEFAULT_FRACTION), 100 * SplitOptions.DEFAULT_FRACTION,
                    100 * SplitOptions.DEFAULT_FRACTION);
        };
    }

    public StringProperty splitSeedProperty() {
        return splitSeed;
    }

    public ReadOnlyStringProperty seedErrorProperty() {
        return seedError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Reading progress 0..1, negative while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Dataset> datasetProperty() {
        return dataset.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DataSplits> splitsProperty() {
        return splits.getReadOnlyProperty();
    }

    /** Images, splits and classes of the validated dataset. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** How the split was made, or why it could not be. */
    public ReadOnlyStringProperty splitDescriptionProperty() {
        return splitDescription.getReadOnlyProperty();
    }

    /** The class-distribution chart's bars: images per split and class. */
    public ObservableList<ClassCount> classCounts() {
        return classCountsReadOnly;
    }

    /** Every bad row or file (skipped when training), or the one problem that made the data unusable. */
    public ObservableList<DataProblem> problems() {
        return problemsReadOnly;
    }

    /** True once a dataset is read and split into non-empty training and validation sets with a valid seed. */
    public BooleanBinding readyProperty() {
        return ready;
    }

    public BooleanBinding canValidateProperty() {
        return canValidate;
    }

    /** The folder the file choosers open in: where the last dataset was chosen, else the home folder. */
    public Path initialDirectory() {
        return prefs.datasetFolder().filter(Files::isDirectory)
                .orElse(Path.of(System.getProperty("user.home")));
    }

    /** A file or folder picked in a chooser: remembered, and validated at once. */
    public void choose(Path chosen) {
        Path folder = chosen.toAbsolutePath().getParent();
        if (folder != null) {
            prefs.put(TrainingPreferences.DATASET_FOLDER, folder.toString());
        }
        path.set(chosen.toString());
        validate();
    }

    /** Reads and validates the dataset in the background, then splits it. */
    public void validate() {
        if (!canValidate.get()) {
            return;
        }
        String text = path.get().trim();
        Path file;
        try {
            file = Path.of(text);
        } catch (InvalidPathException e) {
            clearResults();
            showProblem(new DataProblem(text, "file", "not a valid path: " + e.getReason()));
            return;
        }
        Long seed = parseSeed();
        String names = classNames.get().trim();
        SplitMode wanted = splitMode.get();
        clearResults();
        cancelResplit();
        busy.set(true);
        progress.set(-1);
        status.set("Reading " + file.getFileName() + "...");
        CancellableRun run = new CancellableRun();
        reading = run;
        long splitSeedToUse = seed == null ? SplitOptions.DEFAULT_SEED : seed;
        run.started(BackgroundTask.wrap(p -> DatasetInspection.read(file, names, wanted, splitSeedToUse, run.control(p)))
                .onProgress((fraction, message) -> {
                    progress.set(fraction);
                    status.set(message);
                })
                .onSuccess(this::showValidated)
                .onCancelled(() -> status.set("Validation cancelled."))
                .onFailure(this::showReadFailure)
                .onFinished(() -> {
                    reading = null;
                    busy.set(false);
                })
                .executeWith(executor));
    }

    /** Stops a running validation. */
    public void cancel() {
        if (reading != null) {
            reading.cancel();
        }
        cancelResplit();
    }

    /** The request to train {@code config} on this step's data and split; null until the step is ready. */
    TrainingRequest request(TrainingConfig config) {
        Dataset d = dataset.get();
        return ready.get() ? new TrainingRequest(d.labels(), splits.get(), d.source(), config) : null;
    }

    private void showValidated(DatasetInspection inspection) {
        validatedPath = inspection.file();
        validatedClassNames = inspection.classNames();
        dataset.set(inspection.dataset());
        problems.setAll(inspection.dataset().report().problems());
        classCounts.setAll(inspection.classCounts());
        summary.set(summary(inspection.dataset()));
        applying = true;
        try {
            splitModes.setAll(inspection.modes());
            splitMode.set(inspection.mode());
        } finally {
            applying = false;
        }
        showSplit(inspection.split());
        progress.set(1);
        status.set(problemSummary(inspection.dataset()));
        prefs.put(TrainingPreferences.DATASET_PATH, inspection.file().toString());
        prefs.put(TrainingPreferences.CLASS_NAMES, inspection.classNames());
        rememberSplit();
    }

    /** "fer2013.csv.gz: 35,887 images, 7 classes (Training 28,709 · PublicTest 3,589 · PrivateTest 3,589)". */
    static String summary(Dataset dataset) {
        ValidationReport r = dataset.report();
        StringBuilder s = new StringBuilder(dataset.source().name()).append(": ").append(Formats.count(r.total()))
                .append(" images, ").append(r.labels().size()).append(" classes");
        if (dataset.hasOwnSplits()) {
            List<String> parts = new ArrayList<>();
            r.splits().forEach(splitName -> parts.add(splitName + " " + Formats.count(r.splitTotal(splitName))));
            s.append(" (").append(String.join(" · ", parts)).append(')');
        } else {
            s.append(", no splits of its own");
        }
        r.classSetNote().ifPresent(note -> s.append(". ").append(note));
        return s.toString();
    }

    /** The step's status line after a read: how many bad rows the read skipped. */
    static String problemSummary(Dataset dataset) {
        int bad = dataset.report().problems().size();
        if (dataset.report().total() == 0) {
            return bad == 0 ? "No images: the data holds none." : "No images: every row or file is bad; see the list below.";
        }
        return bad == 0 ? "No problems found." : Formats.count(bad)
                + (bad == 1 ? " bad row or file" : " bad rows or files") + " will be skipped; see the list below.";
    }

    private void showReadFailure(Throwable e) {
        if (e instanceof DatasetFormatException format) {
            showProblem(format.problem());
        } else {
            status.set("Could not read the dataset: " + e.getMessage());
            errors.report("Could not read the dataset", e.getMessage(), e);
        }
    }

    private void showProblem(DataProblem problem) {
        problems.setAll(problem);
        status.set("The dataset cannot be used: " + problem);
    }

    private void showSplit(DatasetSplitter.Attempt attempt) {
        splits.set(attempt.splits());
        splitDescription.set(attempt.description());
    }

    private void onInputEdited() {
        boolean stale = dataset.get() != null && (!path.get().trim().equals(String.valueOf(validatedPath))
                || !classNames.get().trim().equals(validatedClassNames));
        if (stale) {
            clearResults();
            status.set("Validate the dataset to continue.");
        }
    }

    /** A new split mode or seed re-splits the validated data in the background; stale results are dropped. */
    private void onSplitSettingChanged() {
        Long seed = parseSeed();
        if (applying || dataset.get() == null || busy.get() || seed == null || splitMode.get() == null) {
            return;
        }
        cancelResplit();
        Dataset d = dataset.get();
        SplitMode mode = splitMode.get();
        splits.set(null);
        splitting.set(true);
        splitDescription.set("Splitting...");
        CancellableRun run = new CancellableRun();
        resplitting = run;
        run.started(BackgroundTask.wrap(p -> DatasetSplitter.attempt(d, mode, seed))
                .onSuccess(attempt -> {
                    if (resplitting == run && !run.isCancelRequested()) {
                        showSplit(attempt);
                        rememberSplit();
                    }
                })
                .onFailure(e -> errors.report("Could not split the dataset", e.getMessage(), e))
                .onFinished(() -> {
                    if (resplitting == run) {
                        resplitting = null;
                        splitting.set(false);
                    }
                })
                .executeWith(executor));
    }

    private void cancelResplit() {
        if (resplitting != null) {
            resplitting.cancel();
            resplitting = null;
            splitting.set(false);
        }
    }

    private Long parseSeed() {
        try {
            long seed = Long.parseLong(splitSeed.get().trim());
            seedError.set("");
            return seed;
        } catch (NumberFormatException e) {
            seedError.set("The seed must be a whole number, e.g. 42.");
            return null;
        }
    }

    private void rememberSplit() {
        if (splitMode.get() != null) {
            prefs.put(TrainingPreferences.SPLIT_MODE, splitMode.get().name());
        }
        prefs.put(TrainingPreferences.SPLIT_SEED, splitSeed.get().trim());
    }

    private void clearResults() {
        validatedPath = null;
        validatedClassNames = null;
        dataset.set(null);
        splits.set(null);
        summary.set("");
        splitDescription.set("");
        classCounts.clear();
        problems.clear();
        progress.set(0);
    }
}
