package org.ferstudio.app.training;

import java.nio.file.Path;
import java.time.Clock;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.ferstudio.app.common.AppServices;
import org.ferstudio.train.RunFolders;
import org.ferstudio.train.TrainingRequest;

/**
 * The training wizard: which step is shown and when Next and Back are allowed. Next needs the current
 * step done (a validated and split dataset, valid settings, a finished run); Back is refused while work
 * runs, so the data or settings of a running job cannot change under it. The steps' own view-models hold
 * their state and commands; this class wires them together.
 */
public final class TrainingWizardViewModel {

    private final ReadOnlyObjectWrapper<WizardStep> step = new ReadOnlyObjectWrapper<>(this, "step", WizardStep.DATASET);
    private final DatasetStepViewModel dataset;
    private final ModelStepViewModel model;
    private final TrainingStepViewModel training;
    private final ResultsStepViewModel results;
    private final BooleanBinding canGoNext;
    private final BooleanBinding canGoBack;

    /**
     * @param runsRoot      where each run's checkpoints and model go ({@code ~/.fer-studio/runs} in the app)
     * @param pretrainedDir where pretrained weights for transfer learning are looked for
     */
    public TrainingWizardViewModel(AppServices services, ModelTrainer trainer, Path runsRoot, Path pretrainedDir) {
        TrainingPreferences prefs = new TrainingPreferences(services.preferences("training"));
        dataset = new DatasetStepViewModel(services.executor(), services.errors(), prefs);
        model = new ModelStepViewModel(new ArchitectureAvailability(pretrainedDir), prefs, services.models().choices());
        results = new ResultsStepViewModel(services.executor(), services.errors(), services.models());
        BooleanBinding planReady = dataset.readyProperty().and(model.validProperty());
        training = new TrainingStepViewModel(services.executor(), services.errors(), trainer,
                new RunFolders(runsRoot, Clock.systemDefaultZone()), this::request, planReady, results::show);
        canGoNext = Bindings.createBooleanBinding(this::nextAllowed, step, dataset.readyProperty(),
                model.validProperty(), training.stateProperty(), results.resultProperty());
        canGoBack = Bindings.createBooleanBinding(this::backAllowed, step, dataset.busyProperty(),
                training.stateProperty(), results.savingProperty());
    }

    /** {@code ~/.fer-studio/runs}: beside the user's model folder ({@code ~/.fer-studio/models}). */
    public static Path defaultRunsRoot(AppServices services) {
        Path userModels = services.models().userRoot().toAbsolutePath();
        Path parent = userModels.getParent();
        return (parent != null ? parent : userModels).resolve("runs");
    }

    public ReadOnlyObjectProperty<WizardStep> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public DatasetStepViewModel dataset() {
        return dataset;
    }

    public ModelStepViewModel model() {
        return model;
    }

    public TrainingStepViewModel training() {
        return training;
    }

    public ResultsStepViewModel results() {
        return results;
    }

    public BooleanBinding canGoNextProperty() {
        return canGoNext;
    }

    public BooleanBinding canGoBackProperty() {
        return canGoBack;
    }

    public void next() {
        if (canGoNext.get()) {
            if (step.get() == WizardStep.MODEL) {
                model.remember();
            }
            step.set(step.get().next());
            if (step.get() == WizardStep.TRAINING && !training.stateProperty().get().isActive()) {
                training.refreshEarlierRuns();
            }
        }
    }

    public void back() {
        if (canGoBack.get()) {
            step.set(step.get().previous());
        }
    }

    /** The wizard became visible: offer architectures whose weights appeared since, and list interrupted runs. */
    public void shown() {
        if (!training.stateProperty().get().isActive()) {
            model.refreshArchitectures();
            training.refreshEarlierRuns();
        }
    }

    /** The app is closing: stop reading and training; checkpoints stay for a later resume. */
    public void close() {
        dataset.cancel();
        training.close();
    }

    private boolean nextAllowed() {
        return switch (step.get()) {
            case DATASET -> dataset.readyProperty().get();
            case MODEL -> model.validProperty().get();
            case TRAINING -> training.stateProperty().get() == TrainingState.FINISHED
                    && results.resultProperty().get() != null;
            case RESULTS -> false;
        };
    }

    private boolean backAllowed() {
        return step.get() != WizardStep.DATASET && !dataset.busyProperty().get()
                && !training.stateProperty().get().isActive() && !results.savingProperty().get();
    }

    private TrainingRequest request() {
        if (!model.validProperty().get()) {
            return null;
        }
        model.remember();
        return dataset.request(model.config());
    }
}
