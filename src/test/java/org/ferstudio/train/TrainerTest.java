package org.ferstudio.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ferstudio.data.AugmentationConfig;
import org.ferstudio.data.FaceImages;
import org.ferstudio.nets.OptimizerSettings;
import org.ferstudio.task.CancellationToken;
import org.ferstudio.task.ProgressReporter;
import org.ferstudio.testutil.SyntheticFaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

class TrainerTest {

    private static final FaceImages TRAIN = SyntheticFaces.make(240, 1);
    private static final FaceImages VALIDATION = SyntheticFaces.make(60, 2);

    @TempDir
    Path tmp;

    private static TrainingConfig config(int epochs) {
        return TrainingConfig.builder().architecture("cnn3").epochs(epochs).batchSize(30)
                .optimizer(OptimizerSettings.adam(1e-3)).schedule(LrSchedule.CONSTANT).plateauPatience(2)
                .plateauFactor(0.5).minLearningRate(1e-5).labelSmoothing(0.0).earlyStoppingPatience(0)
                .augmentation(AugmentationConfig.none()).balancing(ClassBalancing.NONE).seed(7).build();
    }

    /** Records what the trainer says. */
    private static final class Recorder implements TrainingListener {
        final List<TrainingStart> starts = new ArrayList<>();
        final List<BatchProgress> batches = new ArrayList<>();
        final List<EpochResult> epochs = new ArrayList<>();

        @Override
        public void onTrainingStart(TrainingStart start) {
            starts.add(start);
        }

        @Override
        public void onBatch(BatchProgress progress) {
            batches.add(progress);
        }

        @Override
        public void onEpoch(EpochResult epoch) {
            epochs.add(epoch);
        }
    }

    @Test
    void learnsASmallSyntheticDataset() throws IOException {
        Recorder rec = new Recorder();
        TrainingRun run = new Trainer(config(3)).addListener(rec).run(SyntheticFaces.LABELS, TRAIN, VALIDATION,
                new CheckpointStore(tmp.resolve("ckpt")), ProgressReporter.NONE);

        assertThat(run.outcome().stopReason()).isEqualTo("completed");
        assertThat(run.outcome().bestValidationAccuracy()).as("validation accuracy").isGreaterThan(0.9);
        assertThat(rec.batches).hasSize(3 * 8);
        assertThat(rec.batches.get(0).accuracy()).isBetween(0.0, 1.0);
        assertThat(rec.epochs).extracting(EpochResult::epoch).containsExactly(1, 2, 3);
        assertThat(rec.epochs.get(2).trainAccuracy()).isGreaterThan(rec.epochs.get(0).trainAccuracy() - 0.05);
        assertThat(tmp.resolve("ckpt").resolve(CheckpointStore.STATE_FILE)).exists();
        assertThat(tmp.resolve("ckpt").resolve(CheckpointStore.BEST_PARAMS)).exists();
    }

    @Test
    void resumeAfterCancelContinuesAtTheNextEpochAndMatchesAnUninterruptedRun() throws IOException {
        CheckpointStore store = new CheckpointStore(tmp.resolve("interrupted"));
        CancellationToken control = new CancellationToken();
        TrainingListener cancelAfterFirstEpoch = new TrainingListener() {
            @Override
            public void onEpoch(EpochResult epoch) {
                control.cancel();
            }
        };
        TrainingRun first = new Trainer(config(3)).addListener(cancelAfterFirstEpoch)
                .run(SyntheticFaces.LABELS, TRAIN, VALIDATION, store, control);
        assertThat(first.outcome().cancelled()).isTrue();
        assertThat(first.outcome().history()).hasSize(1);
        assertThat(store.load().orElseThrow().epochsDone()).isEqualTo(1);

        Recorder rec = new Recorder();
        TrainingRun resumed = new Trainer(config(3)).addListener(rec)
                .run(SyntheticFaces.LABELS, TRAIN, VALIDATION, store, ProgressReporter.NONE);
        assertThat(rec.starts.get(0).firstEpoch()).isEqualTo(2);
        assertThat(rec.epochs).extracting(EpochResult::epoch).containsExactly(2, 3);
        assertThat(resumed.outcome().history()).extracting(EpochResult::epoch).containsExactly(1, 2, 3);

        TrainingRun straight = new Trainer(config(3)).run(SyntheticFaces.LABELS, TRAIN, VALIDATION,
                new CheckpointStore(tmp.resolve("straight")), ProgressReporter.NONE);
        INDArray a = resumed.network().params();
        INDArray b = straight.network().params();
        double maxDiff = a.sub(b).amaxNumber().doubleValue();
        assertThat(maxDiff).as("largest parameter difference to the uninterrupted run").isLessThan(1e-3);
        assertThat(resumed.outcome().bestValidationAccuracy())
                .isEqualTo(straight.outcome().bestValidationAccuracy());
    }

    @Test
    void refusesToResumeWithOtherSettingsOrData() throws IOException {
        CheckpointStore store = new CheckpointStore(tmp.resolve("ckpt"));
        new Trainer(config(1)).run(SyntheticFaces.LABELS, TRAIN.head(60), VALIDATION, store, ProgressReporter.NONE);

        TrainingConfig otherLr = TrainingConfig.builder().architecture("cnn3").epochs(2).batchSize(30)
                .optimizer(OptimizerSettings.adam(5e-3)).schedule(LrSchedule.CONSTANT).plateauPatience(2)
                .plateauFactor(0.5).minLearningRate(1e-5).labelSmoothing(0.0).earlyStoppingPatience(0)
                .augmentation(AugmentationConfig.none()).balancing(ClassBalancing.NONE).seed(7).build();
        assertThatThrownBy(() -> new Trainer(otherLr).run(SyntheticFaces.LABELS, TRAIN.head(60), VALIDATION, store,
                ProgressReporter.NONE)).hasMessageContaining("other settings");
        assertThatThrownBy(() -> new Trainer(config(2)).run(SyntheticFaces.LABELS, TRAIN.head(90), VALIDATION, store,
                ProgressReporter.NONE)).hasMessageContaining("different data");
    }

    @Test
    void earlyStoppingEndsTrainingWhenValidationStalls() throws IOException {
        TrainingConfig frozen = TrainingConfig.builder().architecture("cnn3").epochs(5).batchSize(30)
                .optimizer(OptimizerSettings.adam(1e-9)).schedule(LrSchedule.CONSTANT).plateauPatience(2)
                .plateauFactor(0.5).minLearningRate(0).labelSmoothing(0.0).earlyStoppingPatience(1)
                .augmentation(AugmentationConfig.none()).balancing(ClassBalancing.NONE).seed(7).build();
        TrainingRun run = new Trainer(frozen).run(SyntheticFaces.LABELS, TRAIN.head(60), VALIDATION,
                new CheckpointStore(tmp.resolve("es")), ProgressReporter.NONE);
        assertThat(run.outcome().stopReason()).isEqualTo("early stopping");
        assertThat(run.outcome().history().size()).isLessThan(5);
    }
}
