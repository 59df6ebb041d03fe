package org.ferstudio.app.training;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.ferstudio.app.common.ModelChoice;
import org.ferstudio.data.AugmentationConfig;
import org.ferstudio.nets.Architectures;
import org.ferstudio.nets.TransferArchitecture;
import org.ferstudio.train.ClassBalancing;
import org.ferstudio.train.RecipePreset;
import org.ferstudio.train.TrainingConfig;

/**
 * Step 2: the architecture, what the network starts from (random weights or a trained model of that
 * architecture, to fine-tune it), the recipe ({@link RecipePreset}: optimiser, schedule, epochs, weight average)
 * and the settings users usually change (epochs, batch size, learning rate, augmentation, class balancing),
 * each typed field validated with a message. Choosing a recipe puts its epochs and learning rate in those
 * fields. Everything else keeps the command line's defaults ({@link TrainingConfig#defaults()}). The last
 * settings used are remembered.
 */
public final class ModelStepViewModel {

    static final int MAX_BATCH = 1024;

    private static final TrainingConfig DEFAULTS = TrainingConfig.defaults();
    /** The recipe a new user is offered first: the one that trained the default model (fer-cnn3-long). */
    static final RecipePreset DEFAULT_RECIPE = RecipePreset.LONG;

    private final ArchitectureAvailability availability;
    private final TrainingPreferences prefs;
    private final ObservableList<ArchitectureOption> architectures = FXCollections.observableArrayList();
    // read-only views made once and kept: the wrapper holds its source's listener weakly, so a wrapper
    // made per call could be garbage-collected together with the listeners a view added to it
    private final ObservableList<ArchitectureOption> architecturesReadOnly =
            FXCollections.unmodifiableObservableList(architectures);
    private final ObjectProperty<ArchitectureOption> architecture = new SimpleObjectProperty<>(this, "architecture");
    private final ObjectProperty<RecipePreset> recipe = new SimpleObjectProperty<>(this, "recipe", DEFAULT_RECIPE);
    private final StringProperty epochs = new SimpleStringProperty(this, "epochs");
    private final StringProperty batch = new SimpleStringProperty(this, "batch");
    private final StringProperty learningRate = new SimpleStringProperty(this, "learningRate");
    private final BooleanProperty augmentation = new SimpleBooleanProperty(this, "augmentation");
    private final BooleanProperty strongAugmentation = new SimpleBooleanProperty(this, "strongAugmentation");
    private final ObjectProperty<ClassBalancing> balancing = new SimpleObjectProperty<>(this, "balancing");
    private final ObservableList<ModelChoice> models;
    private final ObservableList<StartingPoint> startingPoints = FXCollections.observableArrayList(StartingPoint.RANDOM);
    private final ObservableList<StartingPoint> startingPointsReadOnly =
            FXCollections.unmodifiableObservableList(startingPoints);
    private final ObjectProperty<StartingPoint> startFrom = new SimpleObjectProperty<>(this, "startFrom",
            StartingPoint.RANDOM);
    private final StringBinding startMessage;
    private final StringBinding architectureMessage;
    private final StringBinding recipeMessage;
    private final StringBinding epochsError;
    private final StringBinding batchError;
    private final StringBinding learningRateError;
    private final BooleanBinding valid;

    /** A step that offers no trained models to start from. */
    public ModelStepViewModel(ArchitectureAvailability availability, TrainingPreferences prefs) {
        this(availability, prefs, FXCollections.observableArrayList());
    }

    /** @param models the models the app knows (the model picker's list), kept up to date by the caller */
    public ModelStepViewModel(ArchitectureAvailability availability, TrainingPreferences prefs,
                              ObservableList<ModelChoice> models) {
        this.availability = availability;
        this.prefs = prefs;
        this.models = models;
        startMessage = Bindings.createStringBinding(() -> startMessage(startFrom.get(), recipe.get()), startFrom, recipe);
        architectureMessage = Bindings.createStringBinding(() -> describe(architecture.get()), architecture);
        recipeMessage = Bindings.createStringBinding(() -> recipe.get() == null ? "Choose a recipe."
                : recipe.get().description(), recipe);
        epochsError = error(epochs, ModelStepViewModel::epochsProblem);
        batchError = error(batch, ModelStepViewModel::batchProblem);
        learningRateError = error(learningRate, ModelStepViewModel::learningRateProblem);
        valid = Bindings.createBooleanBinding(() -> architecture.get() != null && architecture.get().available()
                        && recipe.get() != null && balancing.get() != null && epochsError.get().isEmpty()
                        && batchError.get().isEmpty() && learningRateError.get().isEmpty(),
                architecture, recipe, balancing, epochsError, batchError, learningRateError);
        // a recipe brings its own length and rate; the fields stay editable afterwards
        recipe.addListener((obs, old, now) -> {
            if (now != null && now != old) {
                showRecipe(now);
            }
        });
        refreshArchitectures();
        restore();
        architecture.addListener((obs, old, now) -> refreshStartingPoints());
        models.addListener((ListChangeListener<ModelChoice>) change -> refreshStartingPoints());
        refreshStartingPoints();
    }

    public ObservableList<ArchitectureOption> architectures() {
        return architecturesReadOnly;
    }

    public ObjectProperty<ArchitectureOption> architectureProperty() {
        return architecture;
    }

    /** What the chosen architecture is, or why it cannot be trained. */
    public StringBinding architectureMessageProperty() {
        return architectureMessage;
    }

    /** Random weights first, then the trained single models of the chosen architecture. */
    public ObservableList<StartingPoint> startingPoints() {
        return startingPointsReadOnly;
    }

    public ObjectProperty<StartingPoint> startFromProperty() {
        return startFrom;
    }

    /** What starting from the chosen point means for the run. */
    public StringBinding startMessageProperty() {
        return startMessage;
    }

    public ObjectProperty<RecipePreset> recipeProperty() {
        return recipe;
    }

    /** What the chosen recipe does and costs. */
    public StringBinding recipeMessageProperty() {
        return recipeMessage;
    }

    public StringProperty epochsProperty() {
        return epochs;
    }

    public StringProperty batchProperty() {
        return batch;
    }

    public StringProperty learningRateProperty() {
        return learningRate;
    }

    public BooleanProperty augmentationProperty() {
        return augmentation;
    }

    /** The stronger preset (zoom 0.8-1.2, shift 10 px) instead of the standard one; only with augmentation on. */
    public BooleanProperty strongAugmentationProperty() {
        return strongAugmentation;
    }

    public ObjectProperty<ClassBalancing> balancingProperty() {
        return balancing;
    }

    public StringBinding epochsErrorProperty() {
        return epochsError;
    }

    public StringBinding batchErrorProperty() {
        return batchError;
    }

    public StringBinding learningRateErrorProperty() {
        return learningRateError;
    }

    /** True when an available architecture is chosen and every field holds a usable value. */
    public BooleanBinding validProperty() {
        return valid;
    }

    /**
     * Asks the registry again which architectures can be trained (weights may have been copied in since),
     * keeping the choice when it is still available.
     */
    public void refreshArchitectures() {
        String chosen = architecture.get() != null ? architecture.get().id()
                : prefs.get(TrainingPreferences.ARCHITECTURE, DEFAULTS.architecture());
        architectures.setAll(availability.options());
        architecture.set(find(chosen).filter(ArchitectureOption::available)
                .or(() -> find(DEFAULTS.architecture()))
                .orElse(architectures.isEmpty() ? null : architectures.get(0)));
    }

    /** Puts every setting back to the defaults. */
    public void restoreDefaults() {
        find(DEFAULTS.architecture()).ifPresent(architecture::set);
        startFrom.set(StartingPoint.RANDOM);
        recipe.set(DEFAULT_RECIPE);
        showRecipe(DEFAULT_RECIPE);
        batch.set(String.valueOf(DEFAULTS.batchSize()));
        augmentation.set(!DEFAULTS.augmentation().isNone());
        strongAugmentation.set(DEFAULTS.augmentation().equals(AugmentationConfig.strong()));
        balancing.set(DEFAULTS.balancing());
    }

    /** The settings as a training configuration; only call while {@link #validProperty()} is true. */
    public TrainingConfig config() {
        if (!valid.get()) {
            throw new IllegalStateException("the model settings are not valid");
        }
        TrainingConfig config = recipe.get().applyTo(TrainingConfig.builder()).architecture(architecture.get().id())
                .epochs(Integer.parseInt(epochs.get().trim())).batchSize(Integer.parseInt(batch.get().trim()))
                .learningRate(parseDouble(learningRate.get()))
                .augmentation(!augmentation.get() ? AugmentationConfig.none()
                        : strongAugmentation.get() ? AugmentationConfig.strong() : AugmentationConfig.standard())
                .balancing(balancing.get()).build();
        StartingPoint start = startFrom.get();
        return start == null || start.model() == null ? config : config.withStartFrom(start.model());
    }

    /**
     * Lists the models a run of the chosen architecture can start from, keeping the choice while it is still
     * listed. Ensembles hold several networks and transfer architectures start from their pretrained base,
     * so neither is offered.
     */
    private void refreshStartingPoints() {
        StartingPoint chosen = startFrom.get();
        startingPoints.setAll(StartingPoint.RANDOM);
        ArchitectureOption arch = architecture.get();
        if (arch != null && !isTransfer(arch.id())) {
            models.stream().filter(m -> m.card().architecture().equals(arch.id()) && !m.card().isEnsemble()
                    && m.card().weights() != null).map(StartingPoint::of).forEach(startingPoints::add);
        }
        startFrom.set(startingPoints.stream().filter(p -> chosen != null && java.util.Objects.equals(p.model(),
                chosen.model())).findFirst().orElse(StartingPoint.RANDOM));
    }

    private static boolean isTransfer(String id) {
        try {
            return Architectures.byId(id) instanceof TransferArchitecture;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String startMessage(StartingPoint start, RecipePreset recipe) {
        if (start == null || start.model() == null) {
            return "";
        }
        String lower = "";
        if (recipe != null) {
            BigDecimal rate = BigDecimal.valueOf(recipe.config().optimizer().learningRate());
            lower = " (" + rate.movePointLeft(1).stripTrailingZeros().toPlainString() + " instead of "
                    + rate.stripTrailingZeros().toPlainString() + ")";
        }
        return "Fine-tunes " + start.model().name() + ": training starts from its weights. A learning rate about "
                + "ten times lower than the recipe's" + lower + " keeps most of what it learned; the dataset must "
                + "have the same classes.";
    }

    /** Puts the recipe's epochs and learning rate in their fields. */
    private void showRecipe(RecipePreset preset) {
        TrainingConfig c = preset.config();
        epochs.set(String.valueOf(c.epochs()));
        learningRate.set(String.valueOf(c.optimizer().learningRate()));
    }

    /** Stores the current settings as the ones to offer next time. */
    public void remember() {
        if (architecture.get() != null) {
            prefs.put(TrainingPreferences.ARCHITECTURE, architecture.get().id());
        }
        if (recipe.get() != null) {
            prefs.put(TrainingPreferences.RECIPE, recipe.get().name());
        }
        prefs.put(TrainingPreferences.EPOCHS, epochs.get().trim());
        prefs.put(TrainingPreferences.BATCH, batch.get().trim());
        prefs.put(TrainingPreferences.LEARNING_RATE, learningRate.get().trim());
        prefs.putBoolean(TrainingPreferences.AUGMENTATION, augmentation.get());
        prefs.putBoolean(TrainingPreferences.STRONG_AUGMENTATION, strongAugmentation.get());
        if (balancing.get() != null) {
            prefs.put(TrainingPreferences.BALANCING, balancing.get().name());
        }
    }

    /** How a balancing choice reads in the combo box. */
    public static String describe(ClassBalancing b) {
        return switch (b) {
            case NONE -> "None";
            case WEIGHTS -> "Class weights in the loss";
            case SAMPLING -> "Balanced sampling";
        };
    }

    private void restore() {
        restoreDefaults();
        try {
            recipe.set(RecipePreset.parse(prefs.get(TrainingPreferences.RECIPE, DEFAULT_RECIPE.name())));
        } catch (IllegalArgumentException e) {
            recipe.set(DEFAULT_RECIPE); // a recipe this version no longer has
        }
        epochs.set(prefs.get(TrainingPreferences.EPOCHS, epochs.get()));
        batch.set(prefs.get(TrainingPreferences.BATCH, batch.get()));
        learningRate.set(prefs.get(TrainingPreferences.LEARNING_RATE, learningRate.get()));
        augmentation.set(prefs.getBoolean(TrainingPreferences.AUGMENTATION, augmentation.get()));
        strongAugmentation.set(prefs.getBoolean(TrainingPreferences.STRONG_AUGMENTATION, strongAugmentation.get()));
        try {
            balancing.set(ClassBalancing.parse(prefs.get(TrainingPreferences.BALANCING, balancing.get().name())));
        } catch (IllegalArgumentException e) {
            balancing.set(DEFAULTS.balancing());
        }
        String remembered = prefs.get(TrainingPreferences.ARCHITECTURE, DEFAULTS.architecture());
        find(remembered).filter(ArchitectureOption::available).ifPresent(architecture::set);
    }

    private Optional<ArchitectureOption> find(String id) {
        return architectures.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    private static String describe(ArchitectureOption option) {
        if (option == null) {
            return "Choose an architecture.";
        }
        if (!option.available()) {
            return option.reason();
        }
        return switch (option.id()) {
            case ArchitectureAvailability.CNN3 -> "Three convolution blocks trained from scratch on 48x48 grey faces; "
                    + "about 1.5 million parameters, fast on a laptop CPU.";
            case ArchitectureAvailability.MOBILENET -> "MobileNet v1 pretrained on ImageNet, adapted to faces: "
                    + "learns from fewer images, slower per image.";
            default -> option.label();
        };
    }

    private static StringBinding error(StringProperty field, Function<String, String> check) {
        return Bindings.createStringBinding(() -> check.apply(field.get() == null ? "" : field.get().trim()), field);
    }

    static String epochsProblem(String text) {
        Integer n = parseInt(text);
        return n != null && n >= 1 ? "" : "Epochs must be a whole number of at least 1.";
    }

    static String batchProblem(String text) {
        Integer n = parseInt(text);
        return n != null && n >= 1 && n <= MAX_BATCH ? ""
                : "Batch size must be a whole number from 1 to " + MAX_BATCH + ".";
    }

    static String learningRateProblem(String text) {
        double lr = parseDouble(text);
        return Double.isFinite(lr) && lr > 0 ? "" : "Learning rate must be a number above 0, e.g. 0.001.";
    }

    private static Integer parseInt(String text) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Accepts "0.001", "1e-3" and a decimal comma ("0,001"); NaN for anything else. */
    private static double parseDouble(String text) {
        try {
            return Double.parseDouble(text.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
