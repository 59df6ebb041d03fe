package org.ferstudio.app.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import org.ferstudio.app.common.TestServices;
import org.ferstudio.train.InterruptedRun;
import org.ferstudio.train.InterruptedRuns;
import org.ferstudio.train.RunFolders;
import org.ferstudio.train.TrainingJob;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training step driven by a trainer that emits scripted epochs, on the calling thread. */
class TrainingStepViewModelTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-23T15:30:12Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private TestServices services;
    private ScriptedTrainer trainer;
    private final List<TrainingResult> results = new ArrayList<>();
    private final SimpleBooleanProperty planReady = new SimpleBooleanProperty(true);

    @BeforeEach
    void setUp() {
        services = TestServices.direct(tmp);
        trainer = new ScriptedTrainer();
    }

    private TrainingStepViewModel viewModel(int epochs) {
        return new TrainingStepViewModel(services.services().executor(), services.errors(), trainer,
                new RunFolders(tmp.resolve("runs"), CLOCK), () -> WizardData.request(epochs), planReady, results::add);
    }

    @Test
    void scriptedEpochsFillTheChartsProgressSpeedAndEta() {
        TrainingStepViewModel vm = viewModel(3);
        List<Double> etas = new ArrayList<>();
        vm.etaSecondsProperty().addListener((obs, old, now) -> etas.add(now.doubleValue()));

        vm.start();

        assertThat(vm.stateProperty().get()).isEqualTo(TrainingState.FINISHED);
        assertThat(vm.trainLoss()).containsExactly(new ChartPoint(1, 2.0), new ChartPoint(2, 1.0),
                new ChartPoint(3, 2.0 / 3));
        assertThat(vm.validationAccuracy()).extracting(ChartPoint::x).containsExactly(1.0, 2.0, 3.0);
        assertThat(vm.validationAccuracy().get(2).y()).isCloseTo(0.65, offset(1e-9));
        assertThat(vm.trainAccuracy()).hasSize(3);
        assertThat(vm.validationLoss()).hasSize(3);
        assertThat(vm.smoothedBatchLoss()).as("one point per batch").hasSize(3 * ScriptedTrainer.BATCHES);
        assertThat(vm.smoothedBatchLoss().get(0).x()).isEqualTo(0.25);
        assertThat(vm.smoothedBatchLoss().get(0).y()).isCloseTo(2.1, offset(1e-9));
        assertThat(vm.smoothedBatchLoss().get(1).y()).as("smoothed between 2.1 and 2.2").isBetween(2.1, 2.2);
        assertThat(etas).as("the trainer's estimate in the first epoch (33 s at its first batch), then the mean "
                + "epoch time times the epochs left (20 s after epoch 1, 17.5 s after a quarter of epoch 2)")
                .containsSubsequence(33.0, 20.0, 17.5, 10.0);
        assertThat(vm.speedTextProperty().get()).isEqualTo("120 images/s");
        assertThat(vm.etaTextProperty().get()).isEqualTo("done");
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.bestEpochProperty().get()).isEqualTo(3);
        assertThat(vm.statusProperty().get()).contains("best epoch 3").contains("test accuracy");
        assertThat(results).hasSize(1);
        assertThat(trainer.jobs).singleElement().satisfies(job -> {
            assertThat(job.modelName()).isEqualTo("cnn3-synthetic-20251123-153012");
            assertThat(job.runDir()).isEqualTo(tmp.resolve("runs/cnn3-synthetic-20251123-153012")).isDirectory();
        });
    }

    @Test
    void etaTextFormatsTheEstimate() {
        TrainingStepViewModel vm = viewModel(3);
        List<String> texts = new ArrayList<>();
        vm.etaTextProperty().addListener((obs, old, now) -> texts.add(now));

        vm.start();

        assertThat(texts).contains("0:33", "0:20", "0:10", "done");
    }

    @Test
    void cancelKeepsARunThatResumesAtTheNextEpoch() {
        TrainingStepViewModel vm = viewModel(3);
        vm.epochsDoneProperty().addListener((obs, old, now) -> {
            if (now.intValue() == 1) {
                vm.cancel();
            }
        });

        vm.start();

        assertThat(vm.stateProperty().get()).isEqualTo(TrainingState.CANCELLED);
        assertThat(vm.canResumeProperty().get()).isTrue();
        assertThat(vm.canFinishWithBestProperty().get()).isTrue();
        assertThat(vm.canCancelProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).contains("Resume continues at epoch 2")
                .contains(vm.jobProperty().get().checkpointDir().toString());
        assertThat(results).isEmpty();
        assertThat(vm.trainLoss()).hasSize(1);

        vm.resume();

        assertThat(vm.stateProperty().get()).isEqualTo(TrainingState.FINISHED);
        assertThat(trainer.jobs).hasSize(2);
        assertThat(trainer.jobs.get(1).checkpointDir()).isEqualTo(trainer.jobs.get(0).checkpointDir());
        assertThat(vm.trainLoss()).extracting(ChartPoint::x).containsExactly(1.0, 2.0, 3.0);
        assertThat(vm.smoothedBatchLoss()).extracting(ChartPoint::x).isSorted().doesNotHaveDuplicates();
        assertThat(results).hasSize(1);
    }

    @Test
    void aCancelledRunCanFinishWithItsBestEpoch() {
        TrainingStepViewModel vm = viewModel(5);
        vm.epochsDoneProperty().addListener((obs, old, now) -> {
            if (now.intValue() == 2) {
                vm.cancel();
            }
        });
        vm.start();

        vm.finishWithBestEpoch();

        assertThat(vm.stateProperty().get()).isEqualTo(TrainingState.FINISHED);
        assertThat(trainer.jobs.get(1).request().config().epochs()).isEqualTo(2);
        assertThat(trainer.jobs.get(1).runDir()).isEqualTo(trainer.jobs.get(0).runDir());
        assertThat(results).singleElement().extracting(r -> r.outcome().bestEpoch()).isEqualTo(2);
    }

    @Test
    void aFailureIsReportedAndTheRunCanBeResumed() {
        trainer.failingAt(2);
        TrainingStepViewModel vm = viewModel(3);

        vm.start();

        assertThat(vm.stateProperty().get()).isEqualTo(TrainingState.FAILED);
        assertThat(services.errors().reported()).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Training failed");
            assertThat(e.message()).contains("scripted failure in epoch 2").contains("Resume");
        });
        assertThat(vm.canResumeProperty().get()).isTrue();
        assertThat(vm.canStartProperty().get()).isTrue();
    }

    @Test
    void startNeedsAPlanAndANewRunStartsWithEmptyCharts() {
        TrainingStepViewModel vm = viewModel(2);
        planReady.set(false);
        assertThat(vm.canStartProperty().get()).isFalse();
        vm.start();
        assertThat(trainer.jobs).isEmpty();

        planReady.set(true);
        vm.start();
        vm.start();

        assertThat(trainer.jobs).hasSize(2);
        assertThat(trainer.jobs.get(1).runDir()).as("a new folder per run").isNotEqualTo(trainer.jobs.get(0).runDir());
        assertThat(vm.trainLoss()).hasSize(2);
    }

    @Test
    void aRunInterruptedInAnEarlierSessionIsListedAndResumedWithItsOwnSettings() throws IOException {
        Path runDir = InterruptedRuns.write(tmp.resolve("runs"), "cnn3-synthetic-earlier", WizardData.request(5).config(), 2);
        trainer.checkpointed(runDir.resolve(TrainingJob.CHECKPOINTS), 2);
        TrainingStepViewModel vm = viewModel(3);
        vm.refreshEarlierRuns();
        assertThat(vm.earlierRuns()).extracting(InterruptedRun::name).containsExactly("cnn3-synthetic-earlier");
        assertThat(vm.earlierRunProperty().get()).as("the newest is chosen").isNotNull();
        assertThat(TrainingStepViewModel.describe(vm.earlierRunProperty().get()))
                .isEqualTo("cnn3-synthetic-earlier: epoch 2 of 5 done, best validation 45.0% (epoch 2)");

        vm.resumeEarlier();

        assertThat(trainer.jobs).singleElement().satisfies(job -> {
            assertThat(job.runDir()).isEqualTo(runDir);
            assertThat(job.modelName()).isEqualTo("cnn3-synthetic-earlier");
            assertThat(job.request().config().epochs()).as("the run's own settings, not step 2's").isEqualTo(5);
        });
        assertThat(vm.validationAccuracy()).extracting(ChartPoint::x).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0);
        assertThat(vm.validationAccuracy().get(0).y()).as("epoch 1 as the earlier session recorded it")
                .isCloseTo(InterruptedRuns.accuracy(1), offset(1e-9));
        assertThat(vm.validationAccuracy().get(2).y()).as("epoch 3 from this session's trainer")
                .isCloseTo(ScriptedTrainer.accuracy(3) - 0.05, offset(1e-9));
        assertThat(vm.stateProperty().get()).isEqualTo(TrainingState.FINISHED);
        assertThat(vm.earlierRuns()).as("the resumed run is no longer offered").isEmpty();
        assertThat(vm.canResumeEarlierProperty().get()).isFalse();
    }

    @Test
    void anEarlierRunNeedsTheDataOfStepOne() throws IOException {
        InterruptedRuns.write(tmp.resolve("runs"), "earlier", WizardData.request(5).config(), 2);
        TrainingStepViewModel vm = viewModel(3);
        vm.refreshEarlierRuns();
        planReady.set(false);

        vm.resumeEarlier();

        assertThat(vm.canResumeEarlierProperty().get()).isFalse();
        assertThat(trainer.jobs).isEmpty();
    }
}
