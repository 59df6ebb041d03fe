package org.ferstudio.app.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.ferstudio.model.SampleCards;
import org.ferstudio.nets.Architectures;
import org.ferstudio.nets.NetworkSpec;
import org.ferstudio.store.LoadedModel;
import org.ferstudio.store.ModelLoadException;
import org.ferstudio.store.ModelStore;
import org.ferstudio.task.TaskExecutor;

/**
 * App services for view-model and pane tests: models under a temporary folder, preferences in a
 * throw-away node, errors recorded. {@link #direct(Path)} runs tasks on the calling thread (view-model
 * tests, no toolkit); {@link #background(Path, Executor)} runs them on worker threads with callbacks
 * through the given executor ({@code Platform::runLater} in TestFX tests).
 */
public final class TestServices {

    private final AppServices services;
    private final RecordingErrorReporter errors;
    private final Path shipped;

    private TestServices(Path root, TaskExecutor executor) {
        this.errors = new RecordingErrorReporter();
        this.shipped = root.resolve("models");
        ModelCatalog catalog = new ModelCatalog(shipped, root.resolve("user-models"), ModelStore::load, executor, errors);
        Preferences prefs = Preferences.userRoot().node("org/ferstudio/test/" + UUID.randomUUID());
        this.services = new AppServices(executor, catalog, errors, prefs);
    }

    public static TestServices direct(Path root) {
        return new TestServices(root, TaskExecutor.currentThread());
    }

    public static TestServices background(Path root, Executor callbacks) {
        return new TestServices(root, TaskExecutor.background(callbacks));
    }

    public AppServices services() {
        return services;
    }

    public RecordingErrorReporter errors() {
        return errors;
    }

    /** Saves an untrained 3-block CNN (random weights, a complete card) as a shipped model named {@code name}. */
    public Path addShippedModel(String name) throws IOException {
        Path dir = shipped.resolve(name);
        Files.createDirectories(shipped);
        ModelStore.save(dir, Architectures.byId("cnn3").build(NetworkSpec.forInference(7)),
                SampleCards.complete().withName(name));
        return dir;
    }

    /** Saves an untrained model as {@link #addShippedModel} does, loads it and makes it the active model. */
    public LoadedModel activateNewModel(String name) throws IOException, ModelLoadException {
        LoadedModel model = ModelStore.load(addShippedModel(name));
        services.models().activate(model);
        return model;
    }

    /** Removes the throw-away preferences node. */
    public void cleanUp() throws BackingStoreException {
        services.preferences().removeNode();
    }
}
