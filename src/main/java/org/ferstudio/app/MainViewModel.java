package org.ferstudio.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.prefs.Preferences;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.ferstudio.app.common.AppServices;
import org.ferstudio.app.common.DetectionOptions;
import org.ferstudio.app.common.ModelCatalog;
import org.ferstudio.app.common.ModelChoice;
import org.ferstudio.app.models.ModelDetailsViewModel;
import org.ferstudio.model.ModelCard;
import org.ferstudio.nets.UnsupportedGpuException;
import org.ferstudio.store.LoadedModel;
import org.ferstudio.task.BackgroundTask;

/**
 * The main window's state: the model picker (kept in step with the active model, whoever changed it)
 * and the status bar (active model, its test accuracy, the compute backend). The model the user last
 * chose is remembered; on first start the app's default model is activated.
 */
public final class MainViewModel {

    static final String ACTIVE_MODEL_KEY = "activeModel";

    private final AppServices services;
    private final ModelCatalog catalog;
    private final Path defaultModel;
    private final Callable<String> backendProbe;
    private final Preferences prefs;
    private final ObjectProperty<ModelChoice> selectedModel = new SimpleObjectProperty<>(this, "selectedModel");
    private final ReadOnlyStringWrapper backend = new ReadOnlyStringWrapper(this, "backend", "starting the backend...");
    private final StringBinding modelStatus;
    private final BooleanBinding noActiveModel;
    private boolean startupChoiceMade;
    private boolean syncing;

    /**
     * @param defaultModel the folder activated when the user has not chosen one yet
     * @param backendProbe describes the compute backend ("CPU, 2 threads, oneDNN on"); slow the first time
     */
    public MainViewModel(AppServices services, Path defaultModel, Callable<String> backendProbe) {
        this.services = services;
        this.catalog = services.models();
        this.defaultModel = defaultModel;
        this.backendProbe = backendProbe;
        this.prefs = services.preferences("main");
        this.modelStatus = Bindings.createStringBinding(() -> describe(catalog.activeProperty().get()),
                catalog.activeProperty(), catalog.loadingProperty());
        this.noActiveModel = catalog.activeProperty().isNull();
        catalog.choices().addListener((ListChangeListener<ModelChoice>) c -> onChoicesChanged());
        catalog.activeProperty().addListener((obs, old, now) -> onActiveChanged(now));
        selectedModel.addListener((obs, old, now) -> onUserSelected(now));
    }

    /** Lists the models, activates the remembered (or default) one and probes the backend. */
    public void start() {
        catalog.refresh();
        BackgroundTask.wrap(progress -> backendProbe.call())
                .onSuccess(backend::set)
                .onFailure(e -> {
                    backend.set(e instanceof UnsupportedGpuException gpu ? gpu.statusText() : "backend failed to start");
                    services.errors().report("The compute backend did not start", e.getMessage(), e);
                })
                .executeWith(services.executor());
    }

    public ObservableList<ModelChoice> models() {
        return catalog.choices();
    }

    /** The picker's selection; setting it activates that model. */
    public ObjectProperty<ModelChoice> selectedModelProperty() {
        return selectedModel;
    }

    public StringBinding modelStatus() {
        return modelStatus;
    }

    public ReadOnlyStringProperty backendProperty() {
        return backend.getReadOnlyProperty();
    }

    /** True while a model is being loaded. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return catalog.loadingProperty();
    }

    /** True while no model is active, so there are no details to show. */
    public BooleanBinding noActiveModel() {
        return noActiveModel;
    }

    /** The details of the active model, for its details window. */
    public Optional<ModelDetailsViewModel> activeModelDetails() {
        return catalog.active().map(m -> new ModelDetailsViewModel(m.folder(), m.card()));
    }

    /** How faces are found: the detector, alignment and landmark drawing, remembered between runs. */
    public DetectionOptions detection() {
        return services.detection();
    }

    public void refreshModels() {
        catalog.refresh();
    }

    private void onChoicesChanged() {
        if (!startupChoiceMade && catalog.active().isEmpty() && !catalog.loadingProperty().get()) {
            startupChoiceMade = true;
            startupChoice().ifPresent(c -> catalog.activate(c.folder()));
        }
        catalog.active().ifPresent(this::onActiveChanged);
    }

    private Optional<ModelChoice> startupChoice() {
        String remembered = prefs.get(ACTIVE_MODEL_KEY, null);
        return find(remembered != null ? Path.of(remembered) : defaultModel)
                .or(() -> find(defaultModel))
                .or(() -> catalog.choices().stream().findFirst());
    }

    private Optional<ModelChoice> find(Path folder) {
        Path wanted = folder.toAbsolutePath().normalize();
        return catalog.choices().stream().filter(c -> c.folder().toAbsolutePath().normalize().equals(wanted))
                .findFirst();
    }

    private void onActiveChanged(LoadedModel now) {
        if (now == null) {
            return;
        }
        prefs.put(ACTIVE_MODEL_KEY, now.folder().toAbsolutePath().toString());
        syncing = true;
        try {
            selectedModel.set(find(now.folder()).orElse(null));
        } finally {
            syncing = false;
        }
    }

    private void onUserSelected(ModelChoice choice) {
        if (syncing || choice == null) {
            return;
        }
        boolean alreadyActive = catalog.active()
                .map(m -> m.folder().toAbsolutePath().normalize().equals(choice.folder().toAbsolutePath().normalize()))
                .orElse(false);
        if (!alreadyActive) {
            startupChoiceMade = true;
            catalog.activate(choice.folder());
        }
    }

    private String describe(LoadedModel model) {
        if (catalog.loadingProperty().get()) {
            return "Loading model...";
        }
        if (model == null) {
            return "No model: train one in the Training tab or pick one above";
        }
        ModelCard card = model.card();
        StringBuilder s = new StringBuilder("Model: ").append(card.name()).append(" (").append(card.architecture())
                .append(')');
        if (card.test() != null) {
            s.append(String.format(Locale.ROOT, " · test accuracy %.1f%%", 100 * card.test().accuracy()));
            if (card.test().split() != null) {
                s.append(" on ").append(card.test().split());
            }
        } else if (card.validation() != null) {
            s.append(String.format(Locale.ROOT, " · validation accuracy %.1f%% (no test score)",
                    100 * card.validation().accuracy()));
        } else {
            s.append(" · not evaluated");
        }
        return s.toString();
    }
}
