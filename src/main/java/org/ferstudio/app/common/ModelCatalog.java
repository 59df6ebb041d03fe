package org.ferstudio.app.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ferstudio.io.LeftoverTemporaries;
import org.ferstudio.store.LoadedModel;
import org.ferstudio.store.ModelLoadException;
import org.ferstudio.store.ModelStore;
import org.ferstudio.task.BackgroundTask;
import org.ferstudio.task.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models the user can pick (shipped ones from the app's {@code models/} folder, their own from
 * {@code ~/.fer-studio/models}) and the one that is active. Every pane classifies with the active
 * model and follows {@link #activeProperty()} when it changes. Scans and loads run on the task executor;
 * the properties change only in its callbacks (the FX thread in the app).
 */
public final class ModelCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(ModelCatalog.class);

    /** Loads a model folder; {@link ModelStore#load} in the app, a fake in tests. */
    @FunctionalInterface
    public interface Loader {
        LoadedModel load(Path folder) throws ModelLoadException;
    }

    private final Path shippedRoot;
    private final Path userRoot;
    private final Loader loader;
    private final TaskExecutor executor;
    private final ErrorReporter errors;
    private final ObservableList<ModelChoice> choices = FXCollections.observableArrayList();
    // one wrapper for everyone: listeners on a fresh wrapper per call would be collected with it
    private final ObservableList<ModelChoice> readOnlyChoices = FXCollections.unmodifiableObservableList(choices);
    private final ReadOnlyObjectWrapper<LoadedModel> active = new ReadOnlyObjectWrapper<>(this, "active");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");

    public ModelCatalog(Path shippedRoot, Path userRoot, Loader loader, TaskExecutor executor, ErrorReporter errors) {
        this.shippedRoot = shippedRoot;
        this.userRoot = userRoot;
        this.loader = loader;
        this.executor = executor;
        this.errors = errors;
    }

    /** Where the user's own models go (the wizard saves there). */
    public Path userRoot() {
        return userRoot;
    }

    public ObservableList<ModelChoice> choices() {
        return readOnlyChoices;
    }

    public ReadOnlyObjectProperty<LoadedModel> activeProperty() {
        return active.getReadOnlyProperty();
    }

    public Optional<LoadedModel> active() {
        return Optional.ofNullable(active.get());
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Rescans both model folders; folders whose card cannot be read are logged and left out. */
    public void refresh() {
        BackgroundTask.wrap(progress -> scan()).onSuccess(choices::setAll)
                .onFailure(e -> errors.report("Could not list the models", e.getMessage(), e))
                .executeWith(executor);
    }

    /** Loads the model in {@code folder} and makes it active; on failure the active model stays as it was. */
    public void activate(Path folder) {
        BackgroundTask.wrap(progress -> {
            progress.report(-1, "Loading " + folder.getFileName());
            return loader.load(folder);
        }).onRunning(() -> loading.set(true))
                .onSuccess(active::set)
                .onFailure(e -> errors.report("Could not load the model in " + folder, e.getMessage(), e))
                .onFinished(() -> loading.set(false))
                .executeWith(executor);
    }

    /** Makes an already loaded model (e.g. one just trained) active and lists it. */
    public void activate(LoadedModel model) {
        active.set(model);
        refresh();
    }

    List<ModelChoice> scan() {
        List<ModelChoice> found = new ArrayList<>();
        scan(shippedRoot, true, found);
        if (!userRoot.equals(shippedRoot)) {
            // at start (the first scan): what a save killed last time left in the user's models
            LeftoverTemporaries.removeOnceIn(userRoot);
            scan(userRoot, false, found);
        }
        return found;
    }

    private static void scan(Path root, boolean shipped, List<ModelChoice> into) {
        if (root == null || !Files.isDirectory(root)) {
            return;
        }
        List<Path> dirs;
        try (Stream<Path> list = Files.list(root)) {
            dirs = list.filter(d -> Files.isRegularFile(d.resolve(ModelStore.CARD_FILE))).sorted().toList();
        } catch (IOException e) {
            LOG.warn("cannot list models in {}", root, e);
            return;
        }
        for (Path dir : dirs) {
            try {
                into.add(new ModelChoice(dir, ModelStore.readCard(dir), shipped));
            } catch (ModelLoadException e) {
                LOG.warn("skipping {}: {}", dir, e.getMessage());
            }
        }
    }
}
