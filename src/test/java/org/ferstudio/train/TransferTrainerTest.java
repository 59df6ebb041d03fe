package org.ferstudio.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ferstudio.data.AugmentationConfig;
import org.ferstudio.data.DataSplits;
import org.ferstudio.data.FaceImages;
import org.ferstudio.face.TestTimeAugmentation;
import org.ferstudio.nets.FaceClassifier;
import org.ferstudio.eval.ModelEvaluator;
import org.ferstudio.model.ModelCard;
import org.ferstudio.nets.Architectures;
import org.ferstudio.nets.OptimizerSettings;
import org.ferstudio.nets.TransferArchitecture;
import org.ferstudio.store.LoadedModel;
import org.ferstudio.store.ModelStore;
import org.ferstudio.task.ProgressReporter;
import org.ferstudio.testutil.SyntheticFaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransferTrainerTest {

    private static final FaceImages TRAIN = SyntheticFaces.make(120, 1);
    private static final FaceImages VALIDATION = SyntheticFaces.make(30, 2);
    private static final TransferArchitecture MOBILENET = (TransferArchitecture) Architectures.byId("mobilenet");

    @TempDir
    Path tmp;

    private static TrainingConfig config(int epochs) {
        return TrainingConfig.builder().architecture("mobilenet").epochs(epochs).batchSize(30)
                .optimizer(OptimizerSettings.adam(3e-3)).schedule(LrSchedule.CONSTANT).plateauPatience(2)
                .plateauFactor(0.5).minLearningRate(1e-5).labelSmoothing(0.0).earlyStoppingPatience(0)
                .augmentation(AugmentationConfig.standard()).balancing(ClassBalancing.NONE).seed(7).build();
    }

    /** Records what the trainer says. */
    private static final class Recorder implements TrainingListener {
        final List<String> stages = new ArrayList<>();
        final List<String> preparing = new ArrayList<>();
        final List<EpochResult> epochs = new ArrayList<>();

        @Override
        public void onStage(String description) {
            stages.add(description);
        }

        @Override
        public void onPreparing(String task, double fraction, String message) {
            preparing.add(task + ": " + message);
        }

        @Override
        public void onEpoch(EpochResult epoch) {
            epochs.add(epoch);
        }
    }

    @Test
    void headTrainsOnCachedFeaturesAndTheSavedModelLoadsAndClassifiesTheSame() throws IOException {
        Recorder rec = new Recorder();
        TrainingRequest request = new TrainingRequest(SyntheticFaces.LABELS,
                new DataSplits(TRAIN, VALIDATION, null, "synthetic"), null, config(4));
        TrainingPipeline.Output output = new TrainingPipeline.Output("synthetic-mobilenet", tmp.resolve("model"),
                tmp.resolve("run"), false, tmp.resolve("cache"), List.of(TestTimeAugmentation.values()));
        TrainingPipeline.Result result = TrainingPipeline.run(request, output, List.of(rec), ProgressReporter.NONE);

        assertThat(result.outcome().stopReason()).isEqualTo("completed");
        assertThat(result.outcome().history()).hasSize(4);
        assertThat(result.validation().accuracy()).as("validation accuracy, chance is 1/3").isGreaterThan(0.6);
        assertThat(rec.stages).singleElement().asString().contains("stage 1 of 1").contains("cached features");
        assertThat(rec.preparing).anyMatch(m -> m.startsWith("features of the training set: 120 of 120 faces"))
                .anyMatch(m -> m.startsWith("features of the validation set"));
        try (Stream<Path> cached = Files.list(tmp.resolve("cache"))) {
            assertThat(cached).as("training set with mirror views, validation set").hasSize(2);
        }

        ModelCard card = result.card();
        assertThat(card.architecture()).isEqualTo("mobilenet");
        assertThat(card.input().preprocessing()).contains("96x96").contains("2x-1");
        assertThat(card.parameters()).isEqualTo(210_336L + 512 + 256 * 256 + 256 + 512 + 256 * 3 + 3);
        assertThat(card.training()).doesNotContainKey("fineTuning");

        LoadedModel loaded = ModelStore.load(tmp.resolve("model"));
        double reloaded = ModelEvaluator.evaluate(new FaceClassifier(loaded.network()), SyntheticFaces.LABELS,
                VALIDATION, result.tta(), ProgressReporter.NONE).accuracy();
        assertThat(reloaded).as("the saved model with the chosen TTA " + result.tta())
                .isEqualTo(result.validation().accuracy());
        assertThat(loaded.photoTta()).isEqualTo(result.tta());
    }

    @Test
    void fineTuningFollowsTheHeadAndAFinishedRunResumesWithoutTraining() throws IOException {
        TrainingConfig config = config(2).withFineTuning(new TrainingConfig.FineTuning(1, 1, 1e-4));
        CheckpointStore store = new CheckpointStore(tmp.resolve("run"));
        FeatureCache cache = new FeatureCache(tmp.resolve("cache"));
        Recorder rec = new Recorder();
        TrainingRun run = new TransferTrainer(config, MOBILENET, cache).addListener(rec)
                .run(SyntheticFaces.LABELS, TRAIN, VALIDATION, store, ProgressReporter.NONE);

        assertThat(rec.stages).hasSize(2);
        assertThat(rec.stages.get(1)).contains("stage 2 of 2").contains("last 1 of 13 blocks");
        assertThat(run.outcome().history()).extracting(EpochResult::epoch).containsExactly(1, 2, 3);
        assertThat(run.outcome().history()).extracting(EpochResult::epochs).containsExactly(2, 2, 3);
        assertThat(run.outcome().stopReason()).isEqualTo("completed");
        assertThat(run.network().architecture()).isEqualTo("mobilenet");
        assertThat(store.dir().resolve(CheckpointStore.STATE_FILE)).exists();
        assertThat(store.dir().resolve(TransferTrainer.FINE_TUNE_FOLDER).resolve(CheckpointStore.STATE_FILE)).exists();

        Recorder again = new Recorder();
        TrainingRun resumed = new TransferTrainer(config, MOBILENET, cache).addListener(again)
                .run(SyntheticFaces.LABELS, TRAIN, VALIDATION, store, ProgressReporter.NONE);
        assertThat(again.epochs).as("nothing left to train").isEmpty();
        assertThat(again.preparing).allMatch(m -> m.endsWith("read from cache"));
        assertThat(resumed.outcome().history()).hasSize(3);
        assertThat(resumed.outcome().bestEpoch()).isEqualTo(run.outcome().bestEpoch());
        assertThat(resumed.network().params()).isEqualTo(run.network().params());
    }

    @Test
    void oneOutcomeForBothStagesKeepsTheBetterOne() {
        TrainingOutcome head = outcome("completed", 10, 0.50, 0.60);
        TrainingOutcome worse = outcome("completed", 20, 0.55, 0.58);
        TrainingOutcome better = outcome("early stopping", 20, 0.62, 0.70);

        TrainingOutcome kept = TransferTrainer.combine(head, worse, 5);
        assertThat(kept.bestEpoch()).isEqualTo(2);
        assertThat(kept.bestValidationAccuracy()).isEqualTo(0.60);
        assertThat(kept.history()).extracting(EpochResult::epoch).containsExactly(1, 2, 3, 4);
        assertThat(kept.history()).extracting(EpochResult::best).containsExactly(true, true, false, false);
        assertThat(kept.trainingSeconds()).isEqualTo(10 + 20 + 5);

        TrainingOutcome improved = TransferTrainer.combine(head, better, 0);
        assertThat(improved.bestEpoch()).isEqualTo(4);
        assertThat(improved.bestValidationAccuracy()).isEqualTo(0.70);
        assertThat(improved.stopReason()).isEqualTo("early stopping");
        assertThat(improved.history().get(3).epochs()).isEqualTo(4);
    }

    @Test
    void settingsThatCannotWorkAreRefused() {
        assertThatThrownBy(() -> new TransferTrainer(config(1).withFineTuning(new TrainingConfig.FineTuning(14, 1, 1e-4)),
                MOBILENET, new FeatureCache(tmp))).hasMessageContaining("13 blocks");
        TrainingConfig cnn3 = TrainingConfig.builder().architecture("cnn3").epochs(1).batchSize(30)
                .optimizer(OptimizerSettings.adam(1e-3)).schedule(LrSchedule.CONSTANT).plateauPatience(2)
                .plateauFactor(0.5).minLearningRate(1e-5).labelSmoothing(0.0).earlyStoppingPatience(0)
                .augmentation(AugmentationConfig.none()).balancing(ClassBalancing.NONE).seed(7).build();
        assertThatThrownBy(() -> new TransferTrainer(cnn3, MOBILENET, new FeatureCache(tmp)))
                .hasMessageContaining("cnn3");
        assertThatThrownBy(() -> TrainingPipeline.run(new TrainingRequest(SyntheticFaces.LABELS,
                new DataSplits(TRAIN, VALIDATION, null, "synthetic"), null,
                cnn3.withFineTuning(new TrainingConfig.FineTuning(1, 1, 1e-4))),
                new TrainingPipeline.Output("x", tmp.resolve("m"), tmp.resolve("c"), false), List.of(),
                ProgressReporter.NONE)).hasMessageContaining("needs a pretrained architecture");
        assertThatThrownBy(() -> new TrainingConfig.FineTuning(0, 1, 1e-4)).hasMessageContaining("at least one block");
    }

    /** Two epochs with the given validation accuracies, the second the best, in {@code seconds}. */
    private static TrainingOutcome outcome(String stop, double seconds, double first, double second) {
        List<EpochResult> history = List.of(
                new EpochResult(1, 2, 1.0, 0.5, 1.0, first, 1e-3, seconds / 2, 100, true),
                new EpochResult(2, 2, 0.9, 0.6, 0.9, second, 1e-3, seconds / 2, 100, true));
        return new TrainingOutcome(history, 2, second, stop, seconds);
    }
}
