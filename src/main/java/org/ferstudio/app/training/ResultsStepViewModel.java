package org.ferstudio.app.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ferstudio.app.common.ErrorReporter;
import org.ferstudio.app.common.ModelCatalog;
import org.ferstudio.app.common.Texts;
import org.ferstudio.eval.ClassMetrics;
import org.ferstudio.eval.ConfusionMatrix;
import org.ferstudio.eval.EvaluationReport;
import org.ferstudio.model.ModelCard;
import org.ferstudio.store.LoadedModel;
import org.ferstudio.store.ModelNames;
import org.ferstudio.store.ModelStore;
import org.ferstudio.store.OutputTargets;
import org.ferstudio.task.BackgroundTask;
import org.ferstudio.task.TaskExecutor;

/**
 * Step 4: the finished run's test metrics, confusion matrix, per-class scores and most confident
 * mistakes, and saving the model under a name of the user's choice in their model folder, optionally
 * making it the active model. Names that are not safe folder names are refused; replacing an existing
 * model needs the user's confirmation.
 */
public final class ResultsStepViewModel {

    private final TaskExecutor executor;
    private final ErrorReporter errors;
    private final ModelCatalog catalog;

    private final ReadOnlyObjectWrapper<TrainingResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");
    private final ObservableList<String> classNames = FXCollections.observableArrayList();
    private final ObservableList<HeatmapCell> heatmap = FXCollections.observableArrayList();
    private final ObservableList<ClassMetrics> perClass = FXCollections.observableArrayList();
    private final ObservableList<MisclassifiedFace> misclassified = FXCollections.observableArrayList();
    // read-only views made once and kept: the wrapper holds its source's listener weakly, so a wrapper
    // made per call could be garbage-collected together with the listeners a view added to it
    private final ObservableList<String> classNamesReadOnly = FXCollections.unmodifiableObservableList(classNames);
    private final ObservableList<HeatmapCell> heatmapReadOnly = FXCollections.unmodifiableObservableList(heatmap);
    private final ObservableList<ClassMetrics> perClassReadOnly = FXCollections.unmodifiableObservableList(perClass);
    private final ObservableList<MisclassifiedFace> misclassifiedReadOnly =
            FXCollections.unmodifiableObservableList(misclassified);
    private final StringProperty modelName = new SimpleStringProperty(this, "modelName", "");
    private final BooleanProperty activate = new SimpleBooleanProperty(this, "activate", true);
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ReadOnlyObjectWrapper<Path> savedFolder = new ReadOnlyObjectWrapper<>(this, "savedFolder");
    private final ReadOnlyStringWrapper saveStatus = new ReadOnlyStringWrapper(this, "saveStatus", "");
    private final StringBinding nameError;
    private final StringBinding overwriteWarning;
    private final BooleanBinding canSave;
    private Predicate<String> confirmOverwrite = name -> false;

    public ResultsStepViewModel(TaskExecutor executor, ErrorReporter errors, ModelCatalog catalog) {
        this.executor = executor;
        this.errors = errors;
        this.catalog = catalog;
        nameError = Bindings.createStringBinding(() -> ModelNames.problem(modelName.get()).orElse(""), modelName);
        overwriteWarning = Bindings.createStringBinding(() -> nameError.get().isEmpty() ? overwriteWarning() : "",
                modelName, nameError, savedFolder);
        canSave = Bindings.createBooleanBinding(() -> result.get() != null && nameError.get().isEmpty() && !saving.get(),
                result, nameError, saving);
    }

    public ReadOnlyObjectProperty<TrainingResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** "Test accuracy 64.1% · macro-F1 0.612". */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** On which split and how many faces, the best epoch and why training stopped. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** Class names in matrix order. */
    public ObservableList<String> classNames() {
        return classNamesReadOnly;
    }

    /** The confusion matrix, row by row (rows = true class). */
    public ObservableList<HeatmapCell> heatmap() {
        return heatmapReadOnly;
    }

    public ObservableList<ClassMetrics> perClass() {
        return perClassReadOnly;
    }

    public ObservableList<MisclassifiedFace> misclassified() {
        return misclassifiedReadOnly;
    }

    public StringProperty modelNameProperty() {
        return modelName;
    }

    /** Why the name cannot be used; empty when it can. */
    public StringBinding nameErrorProperty() {
        return nameError;
    }

    /** Set when saving would replace an existing model of that name. */
    public StringBinding overwriteWarningProperty() {
        return overwriteWarning;
    }

    /** Whether saving also makes the model the active one. */
    public BooleanProperty activateProperty() {
        return activate;
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** Where the model was last saved; null before. */
    public ReadOnlyObjectProperty<Path> savedFolderProperty() {
        return savedFolder.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty saveStatusProperty() {
        return saveStatus.getReadOnlyProperty();
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    /** Asked with the model name before an existing model is replaced; the view shows a dialog. */
    public void setOverwriteConfirmation(Predicate<String> confirm) {
        this.confirmOverwrite = confirm;
    }

    /** Shows a finished run. */
    public void show(TrainingResult finished) {
        EvaluationReport report = finished.report();
        result.set(finished);
        headline.set(String.format(Locale.ROOT, "%s accuracy %s · macro-F1 %s", Texts.capitalised(finished.evaluatedSplit()),
                Formats.percent(report.accuracy()), Formats.score(report.macroF1())));
        ModelCard.Inference inference = finished.card().inference();
        details.set(String.format(Locale.ROOT, "On %s %s faces%s%s. Best epoch %d of %d (training %s), validation "
                        + "accuracy %s.", Formats.count(report.n()), finished.evaluatedSplit(),
                finished.evaluatedSplit().equals("test") ? "" : " (the data has no test split)",
                inference == null ? "" : ", test-time augmentation " + inference.defaultTta() + " (chosen on validation)",
                finished.outcome().bestEpoch(), finished.outcome().history().size(), finished.outcome().stopReason(),
                Formats.percent(finished.outcome().bestValidationAccuracy())));
        classNames.setAll(report.classes().names());
        heatmap.setAll(cells(report.confusionMatrix()));
        perClass.setAll(report.perClass());
        misclassified.setAll(finished.misclassified());
        modelName.set(finished.card().name());
        savedFolder.set(null);
        saveStatus.set("");
    }

    /** Saves the model under the chosen name, after confirmation when that replaces a model. */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        String name = modelName.get();
        Path target = target();
        OutputTargets.Existing existing = existing(target);
        if (existing == OutputTargets.Existing.FILE || existing == OutputTargets.Existing.OTHER_FOLDER) {
            // never replaced, whatever the user answers: FER Studio did not make it
            saveStatus.set("Not saved: " + target + " holds files that are not a model; choose another name.");
            return;
        }
        if (existing == OutputTargets.Existing.MODEL && !confirmOverwrite.test(name)) {
            saveStatus.set("Not saved: a model named '" + name + "' exists; choose another name.");
            return;
        }
        Path source = result.get().modelDir();
        boolean makeActive = activate.get();
        saving.set(true);
        saveStatus.set("Saving " + name + "...");
        BackgroundTask.wrap(p -> ModelStore.copy(source, target, name))
                .onSuccess(saved -> saved(saved, makeActive))
                .onFailure(e -> {
                    saveStatus.set("Not saved: " + e.getMessage());
                    errors.report("Could not save the model as " + name, e.getMessage()
                            + "\nThe trained model is still in " + source + ".", e);
                })
                .onFinished(() -> saving.set(false))
                .executeWith(executor);
    }

    private void saved(LoadedModel model, boolean makeActive) {
        savedFolder.set(model.folder());
        if (makeActive) {
            catalog.activate(model);
            saveStatus.set("Saved to " + model.folder() + "; it is now the active model.");
        } else {
            catalog.refresh();
            saveStatus.set("Saved to " + model.folder() + "; pick it in the model list to use it.");
        }
    }

    private String overwriteWarning() {
        return switch (existing(target())) {
            case MODEL -> "A model named '" + modelName.get() + "' exists in " + catalog.userRoot() + "; saving replaces it.";
            case FILE, OTHER_FOLDER -> "'" + modelName.get() + "' in " + catalog.userRoot() + " holds files that are "
                    + "not a model and cannot be replaced; choose another name.";
            case NOTHING, EMPTY_FOLDER -> "";
        };
    }

    /** What is at the target; an unreadable one counts as other files, so it is not replaced. */
    private static OutputTargets.Existing existing(Path target) {
        try {
            return OutputTargets.inspect(target);
        } catch (IOException e) {
            return OutputTargets.Existing.OTHER_FOLDER;
        }
    }

    private Path target() {
        return catalog.userRoot().resolve(modelName.get());
    }

    static List<HeatmapCell> cells(ConfusionMatrix matrix) {
        List<HeatmapCell> cells = new ArrayList<>();
        for (int t = 0; t < matrix.size(); t++) {
            int row = matrix.rowTotal(t);
            for (int p = 0; p < matrix.size(); p++) {
                int count = matrix.count(t, p);
                cells.add(new HeatmapCell(t, p, count, row == 0 ? 0 : (double) count / row));
            }
        }
        return cells;
    }
}
