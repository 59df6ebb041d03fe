package org.ferstudio.app.training;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ferstudio.app.common.ErrorReporter;
import org.ferstudio.task.BackgroundTask;
import org.ferstudio.task.ProgressReporter;
import org.ferstudio.task.TaskExecutor;
import org.ferstudio.train.BatchProgress;
import org.ferstudio.train.EpochResult;
import org.ferstudio.train.InterruptedRun;
import org.ferstudio.train.RunFolders;
import org.ferstudio.train.TrainingJob;
import org.ferstudio.train.TrainingListener;
import org.ferstudio.train.TrainingOutcome;
import org.ferstudio.train.TrainingRequest;
import org.ferstudio.train.TrainingStart;

/**
 * Step 3: runs training in the background and turns the trainer's events into chart series (loss and
 * accuracy per epoch for training and validation, and the smoothed batch loss), progress, speed and ETA.
 * Cancel stops after the current batch; every finished epoch is checkpointed in the run's folder, so a
 * cancelled or failed run can be resumed, or finished with its best epoch so far. Runs interrupted in an
 * earlier session of the app (closed mid-run) are listed and can be resumed with the data chosen in step 1.
 */
public final class TrainingStepViewModel {

    /** Weight of the history in the smoothed batch loss. */
    static final double SMOOTHING = 0.9;
    /** At most this many smoothed-loss points per epoch: FER2013 has 448 batches per epoch. */
    static final int BATCH_POINTS_PER_EPOCH = 50;

    private final TaskExecutor executor;
    private final ErrorReporter errors;
    private final ModelTrainer trainer;
    private final RunFolders runs;
    private final Supplier<TrainingRequest> requests;
    private final Consumer<TrainingResult> onResult;

    private final ReadOnlyObjectWrapper<TrainingState> state =
            new ReadOnlyObjectWrapper<>(this, "state", TrainingState.READY);
    private final ReadOnlyObjectWrapper<TrainingJob> job = new ReadOnlyObjectWrapper<>(this, "job");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyDoubleWrapper imagesPerSecond = new ReadOnlyDoubleWrapper(this, "imagesPerSecond", Double.NaN);
    private final ReadOnlyDoubleWrapper etaSeconds = new ReadOnlyDoubleWrapper(this, "etaSeconds", Double.NaN);
    private final ReadOnlyIntegerWrapper epochsDone = new ReadOnlyIntegerWrapper(this, "epochsDone");
    private final ReadOnlyIntegerWrapper bestEpoch = new ReadOnlyIntegerWrapper(this, "bestEpoch");
    private final ReadOnlyStringWrapper epochText = new ReadOnlyStringWrapper(this, "epochText", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "Press Start to train with the chosen data and settings.");
    private final ObservableList<ChartPoint> trainLoss = FXCollections.observableArrayList();
    private final ObservableList<ChartPoint> validationLoss = FXCollections.observableArrayList();
    private final ObservableList<ChartPoint> smoothedBatchLoss = FXCollections.observableArrayList();
    private final ObservableList<ChartPoint> trainAccuracy = FXCollections.observableArrayList();
    private final ObservableList<ChartPoint> validationAccuracy = FXCollections.observableArrayList();
    // read-only views made once and kept: the wrapper holds its source's listener weakly, so a wrapper
    // made per call could be garbage-collected together with the listeners a view added to it
    private final ObservableList<ChartPoint> trainLossReadOnly = FXCollections.unmodifiableObservableList(trainLoss);
    private final ObservableList<ChartPoint> validationLossReadOnly =
            FXCollections.unmodifiableObservableList(validationLoss);
    private final ObservableList<ChartPoint> smoothedBatchLossReadOnly =
            FXCollections.unmodifiableObservableList(smoothedBatchLoss);
    private final ObservableList<ChartPoint> trainAccuracyReadOnly =
            FXCollections.unmodifiableObservableList(trainAccuracy);
    private final ObservableList<ChartPoint> validationAccuracyReadOnly =
            FXCollections.unmodifiableObservableList(validationAccuracy);
    private final StringBinding speedText;
    private final StringBinding etaText;
    private final BooleanBinding canStart;
    private final BooleanBinding canCancel;
    private final BooleanBinding canResume;
    private final BooleanBinding canFinishWithBest;
    private final ObservableList<InterruptedRun> earlierRuns = FXCollections.observableArrayList();
    private final ObservableList<InterruptedRun> earlierRunsReadOnly = FXCollections.unmodifiableObservableList(earlierRuns);
    private final ObjectProperty<InterruptedRun> earlierRun = new SimpleObjectProperty<>(this, "earlierRun");
    private final BooleanBinding canResumeEarlier;

    private final LossSmoother smoother = new LossSmoother(SMOOTHING);
    private final List<Double> epochSeconds = new ArrayList<>();
    private final TrainingListener events = new EventHandler();
    private CancellableRun running;

    /**
     * @param requests  the request of a new run, or null while the first two steps are not ready
     * @param planReady whether {@code requests} has a request
     * @param onResult  called with each finished run's result
     */
    public TrainingStepViewModel(TaskExecutor executor, ErrorReporter errors, ModelTrainer trainer, RunFolders runs,
                                 Supplier<TrainingRequest> requests, ObservableBooleanValue planReady,
                                 Consumer<TrainingResult> onResult) {
        this.executor = executor;
        this.errors = errors;
        this.trainer = trainer;
        this.runs = runs;
        this.requests = requests;
        this.onResult = onResult;
        speedText = Bindings.createStringBinding(() -> Double.isFinite(imagesPerSecond.get())
                ? String.format(Locale.ROOT, "%.0f images/s", imagesPerSecond.get()) : Formats.UNKNOWN, imagesPerSecond);
        etaText = Bindings.createStringBinding(() -> state.get() == TrainingState.FINISHED ? "done"
                : Formats.duration(etaSeconds.get()), etaSeconds, state);
        canStart = Bindings.createBooleanBinding(() -> planReady.get() && !state.get().isActive(), planReady, state);
        canCancel = Bindings.createBooleanBinding(() -> state.get() == TrainingState.RUNNING, state);
        canResume = Bindings.createBooleanBinding(() -> state.get().isResumable() && job.get() != null, state, job);
        canFinishWithBest = Bindings.createBooleanBinding(() -> canResume.get() && bestEpoch.get() > 0,
                canResume, bestEpoch);
        canResumeEarlier = Bindings.createBooleanBinding(() -> planReady.get() && !state.get().isActive()
                && earlierRun.get() != null, planReady, state, earlierRun);
    }

    public ReadOnlyObjectProperty<TrainingState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The current (or last) run. */
    public ReadOnlyObjectProperty<TrainingJob> jobProperty() {
        return job.getReadOnlyProperty();
    }

    /** Share of the planned epochs done, 0..1; negative while the amount is unknown (starting, evaluating). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty imagesPerSecondProperty() {
        return imagesPerSecond.getReadOnlyProperty();
    }

    /** Seconds to the end of the planned epochs (early stopping may end sooner); NaN while unknown. */
    public ReadOnlyDoubleProperty etaSecondsProperty() {
        return etaSeconds.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty epochsDoneProperty() {
        return epochsDone.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty bestEpochProperty() {
        return bestEpoch.getReadOnlyProperty();
    }

    /** "Epoch 3 of 60 · batch 120 of 448". */
    public ReadOnlyStringProperty epochTextProperty() {
        return epochText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public StringBinding speedTextProperty() {
        return speedText;
    }

    public StringBinding etaTextProperty() {
        return etaText;
    }

    /** Mean training loss per epoch, x = epoch. */
    public ObservableList<ChartPoint> trainLoss() {
        return trainLossReadOnly;
    }

    public ObservableList<ChartPoint> validationLoss() {
        return validationLossReadOnly;
    }

    /** Batch loss smoothed with an exponential moving average, x = fractional epoch. */
    public ObservableList<ChartPoint> smoothedBatchLoss() {
        return smoothedBatchLossReadOnly;
    }

    public ObservableList<ChartPoint> trainAccuracy() {
        return trainAccuracyReadOnly;
    }

    public ObservableList<ChartPoint> validationAccuracy() {
        return validationAccuracyReadOnly;
    }

    public BooleanBinding canStartProperty() {
        return canStart;
    }

    public BooleanBinding canCancelProperty() {
        return canCancel;
    }

    public BooleanBinding canResumeProperty() {
        return canResume;
    }

    public BooleanBinding canFinishWithBestProperty() {
        return canFinishWithBest;
    }

    /** Runs of earlier sessions (or earlier runs of this one) that stopped before they ended, newest first. */
    public ObservableList<InterruptedRun> earlierRuns() {
        return earlierRunsReadOnly;
    }

    /** How an earlier run is listed: "cnn3-fer2013-20251203-0215: epoch 5 of 30 done, best validation 55.2% (epoch 4)". */
    public static String describe(InterruptedRun run) {
        return run.name() + ": epoch " + run.epochsDone() + " of " + run.plannedEpochs() + " done, best validation "
                + Formats.percent(run.bestValidationAccuracy()) + " (epoch " + run.bestEpoch() + ")";
    }

    /** The earlier run that {@link #resumeEarlier()} continues. */
    public ObjectProperty<InterruptedRun> earlierRunProperty() {
        return earlierRun;
    }

    public BooleanBinding canResumeEarlierProperty() {
        return canResumeEarlier;
    }

    /**
     * Lists the interrupted runs in the runs folder, keeping the choice while it is still listed; the wizard
     * calls it when step 3 is entered or shown, not at start-up. The current run is left out: Resume continues it.
     */
    public void refreshEarlierRuns() {
        showEarlierRuns(runs.interrupted());
    }

    /** Lists {@code found} but the current run, keeping the choice while it is listed, else the newest. */
    private void showEarlierRuns(List<InterruptedRun> found) {
        InterruptedRun chosen = earlierRun.get();
        TrainingJob current = job.get();
        earlierRuns.setAll(found.stream()
                .filter(r -> current == null || !r.runDir().equals(current.runDir()))
                .toList());
        earlierRun.set(earlierRuns.stream()
                .filter(r -> chosen != null && r.runDir().equals(chosen.runDir()))
                .findFirst()
                .orElse(earlierRuns.isEmpty() ? null : earlierRuns.get(0)));
    }

    /**
     * Continues the chosen earlier run from its last checkpoint with its own settings and the data of step 1;
     * the trainer refuses data that differ from what the run was trained on, naming the difference. The
     * charts start with the epochs the run already did.
     */
    public void resumeEarlier() {
        InterruptedRun run = earlierRun.get();
        TrainingRequest request = canResumeEarlier.get() ? requests.get() : null;
        if (request == null) {
            return;
        }
        clearCharts();
        run.state().history().forEach(this::showEpoch);
        launch(new TrainingJob(run.name(), request.withConfig(run.state().config()), run.runDir()), "Resuming " + run.name() + " from the checkpoint of epoch "
                + run.state().epochsDone() + "...");
    }

    /** Starts a new run in a new folder. */
    public void start() {
        TrainingRequest request = canStart.get() ? requests.get() : null;
        if (request == null) {
            return;
        }
        clearCharts();
        launch(runs.newJob(request), "Starting: building the network...");
    }

    /** Continues the cancelled or failed run from its last checkpoint, with the same data and settings. */
    public void resume() {
        if (canResume.get()) {
            launch(job.get(), "Resuming from the checkpoint of epoch " + epochsDone.get() + "...");
        }
    }

    /**
     * Ends the cancelled or failed run with its best epoch: the run is resumed with its epoch limit set to
     * the epochs already done, so the trainer only restores the best checkpoint, evaluates and saves it.
     */
    public void finishWithBestEpoch() {
        if (canFinishWithBest.get()) {
            launch(job.get().withEpochs(Math.max(1, epochsDone.get())),
                    "Finishing with the best epoch (" + bestEpoch.get() + ")...");
        }
    }

    /** Asks the trainer to stop after the current batch; finished epochs stay checkpointed. */
    public void cancel() {
        if (canCancel.get()) {
            state.set(TrainingState.CANCELLING);
            status.set("Stopping after the current batch...");
            running.cancel();
        }
    }

    /** The app is closing: stop training (its checkpoints stay). */
    public void close() {
        if (running != null) {
            running.cancel();
        }
    }

    private void launch(TrainingJob next, String message) {
        job.set(next);
        showEarlierRuns(List.copyOf(earlierRuns));
        state.set(TrainingState.RUNNING);
        status.set(message);
        progress.set(-1);
        etaSeconds.set(Double.NaN);
        epochSeconds.clear();
        TrainingEventRelay relay = new TrainingEventRelay();
        CancellableRun run = new CancellableRun();
        running = run;
        run.started(BackgroundTask.wrap(p -> train(next, relay, run.control(p)))
                .onProgress((fraction, text) -> {
                    relay.drainTo(events);
                    if (!text.isEmpty()) {
                        status.set(text);
                    }
                })
                .onSuccess(result -> {
                    relay.drainTo(events);
                    finished(result);
                })
                .onCancelled(() -> {
                    relay.drainTo(events);
                    cancelled();
                })
                .onFailure(e -> {
                    relay.drainTo(events);
                    failed(e);
                })
                .onFinished(() -> {
                    if (running == run) {
                        running = null;
                    }
                })
                .executeWith(executor));
    }

    private TrainingResult train(TrainingJob next, TrainingEventRelay relay, ProgressReporter control) throws Exception {
        Files.createDirectories(next.runDir());
        TrainingResult result = trainer.train(next, relay.listener(control), control);
        // a cancel that came after the last check still counts: the user asked to stop
        control.checkCancelled();
        return result;
    }

    private void finished(TrainingResult result) {
        state.set(TrainingState.FINISHED);
        progress.set(1);
        etaSeconds.set(0);
        TrainingOutcome outcome = result.outcome();
        status.set(String.format(Locale.ROOT, "Finished (%s): best epoch %d, validation accuracy %s; %s accuracy %s. "
                        + "Next shows the results.", outcome.stopReason(), outcome.bestEpoch(),
                Formats.percent(outcome.bestValidationAccuracy()), result.evaluatedSplit(),
                Formats.percent(result.report().accuracy())));
        onResult.accept(result);
    }

    private void cancelled() {
        state.set(TrainingState.CANCELLED);
        etaSeconds.set(Double.NaN);
        int done = epochsDone.get();
        status.set(done == 0 ? "Cancelled before the first epoch finished; Resume starts the run again."
                : "Cancelled. " + (done == 1 ? "Epoch 1 is" : "Epochs 1-" + done + " are") + " checkpointed in "
                + job.get().checkpointDir()
                + ": Resume continues at epoch " + (done + 1) + ", or finish with the best epoch ("
                + bestEpoch.get() + ").");
    }

    private void failed(Throwable e) {
        state.set(TrainingState.FAILED);
        etaSeconds.set(Double.NaN);
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        status.set("Training failed: " + message);
        errors.report("Training failed", message + "\nEvery finished epoch stays checkpointed in "
                + job.get().checkpointDir() + "; Resume continues from the last one.", e);
    }

    private void clearCharts() {
        List.of(trainLoss, validationLoss, smoothedBatchLoss, trainAccuracy, validationAccuracy).forEach(List::clear);
        smoother.reset();
        epochsDone.set(0);
        bestEpoch.set(0);
        imagesPerSecond.set(Double.NaN);
        epochText.set("");
    }

    /** Adds a finished epoch's points to the charts and counts it. */
    private void showEpoch(EpochResult e) {
        addIfFinite(trainLoss, e.epoch(), e.trainLoss());
        addIfFinite(validationLoss, e.epoch(), e.validationLoss());
        addIfFinite(trainAccuracy, e.epoch(), e.trainAccuracy());
        addIfFinite(validationAccuracy, e.epoch(), e.validationAccuracy());
        epochsDone.set(e.epoch());
        if (e.best()) {
            bestEpoch.set(e.epoch());
        }
    }

    /** Drops points beyond {@code epoch}: a resumed run replays the epoch that was interrupted. */
    private void keepUpTo(double epoch) {
        List.of(trainLoss, validationLoss, smoothedBatchLoss, trainAccuracy, validationAccuracy)
                .forEach(series -> series.removeIf(p -> p.x() > epoch));
    }

    private static void addIfFinite(List<ChartPoint> series, double x, double y) {
        if (Double.isFinite(y)) {
            series.add(new ChartPoint(x, y));
        }
    }

    /** Applies the trainer's events, in order, on the thread that owns this view-model. */
    private final class EventHandler implements TrainingListener {

        @Override
        public void onTrainingStart(TrainingStart start) {
            int first = start.firstEpoch();
            keepUpTo(first - 1);
            epochsDone.set(first - 1);
            int epochs = start.config().epochs();
            progress.set((double) (first - 1) / epochs);
            epochText.set(first > epochs ? "All " + epochs + " epochs done" : "Epoch " + first + " of " + epochs);
            status.set(String.format(Locale.ROOT, "%s: %s training and %s validation images, %d batches per epoch.",
                    first > 1 ? "Resumed at epoch " + first : "Training", Formats.count(start.trainImages()),
                    Formats.count(start.validationImages()), start.batchesPerEpoch()));
        }

        @Override
        public void onBatch(BatchProgress b) {
            progress.set(b.overallFraction());
            imagesPerSecond.set(b.imagesPerSecond());
            etaSeconds.set(eta(b));
            double smoothed = smoother.add(b.loss());
            int stride = Math.max(1, b.batches() / BATCH_POINTS_PER_EPOCH);
            if (b.batch() % stride == 0 || b.batch() == b.batches()) {
                addIfFinite(smoothedBatchLoss, b.epoch() - 1 + (double) b.batch() / b.batches(), smoothed);
            }
            epochText.set("Epoch " + b.epoch() + " of " + b.epochs() + " · batch " + b.batch() + " of " + b.batches());
        }

        @Override
        public void onEpoch(EpochResult e) {
            showEpoch(e);
            epochSeconds.add(e.seconds());
            etaSeconds.set((e.epochs() - e.epoch()) * meanEpochSeconds());
            imagesPerSecond.set(e.imagesPerSecond());
            progress.set((double) e.epoch() / e.epochs());
            String average = e.averageValidationAccuracy() == null ? ""
                    : ", weight average " + Formats.percent(e.averageValidationAccuracy());
            status.set(String.format(Locale.ROOT, "Epoch %d of %d: validation accuracy %s%s%s.", e.epoch(), e.epochs(),
                    Formats.percent(e.validationAccuracy()), average, e.best() ? " (best so far)" : ""));
        }

        /**
         * The trainer's estimate counts training images only; once an epoch of this session has finished,
         * the mean epoch time (which includes validating and checkpointing) gives a truer one.
         */
        private double eta(BatchProgress b) {
            if (epochSeconds.isEmpty()) {
                return b.etaSeconds();
            }
            double epochsLeft = b.epochs() - b.epoch() + (double) (b.batches() - b.batch()) / b.batches();
            return epochsLeft * meanEpochSeconds();
        }

        private double meanEpochSeconds() {
            return epochSeconds.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }

        @Override
        public void onTrainingEnd(TrainingOutcome outcome) {
            if (!outcome.cancelled()) {
                progress.set(-1);
                etaSeconds.set(Double.NaN);
                status.set("Training " + outcome.stopReason() + " after " + outcome.history().size()
                        + " epochs; evaluating the best epoch (" + outcome.bestEpoch() + ")...");
            }
        }
    }
}
