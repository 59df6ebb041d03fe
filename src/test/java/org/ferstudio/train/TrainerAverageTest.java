package org.ferstudio.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.ferstudio.data.AugmentationConfig;
import org.ferstudio.data.FaceImages;
import org.ferstudio.nets.OptimizerSettings;
import org.ferstudio.store.ArrayFile;
import org.ferstudio.task.CancellationToken;
import org.ferstudio.task.ProgressReporter;
import org.ferstudio.testutil.SyntheticFaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code train --ema}: the trainer's weight average, its validation, checkpoints and choice of saved weights. */
class TrainerAverageTest {

    private static final Logger LOG = LoggerFactory.getLogger(TrainerAverageTest.class);
    private static final FaceImages TRAIN = SyntheticFaces.make(240, 1);
    private static final FaceImages VALIDATION = SyntheticFaces.make(60, 2);
    /** Half the labels drawn at random and a high learning rate: the trained weights swing from batch to batch. */
    private static final FaceImages NOISY_TRAIN = noisyLabels(SyntheticFaces.make(120, 1), 0.5, 3);
    private static final FaceImages NOISY_VALIDATION = SyntheticFaces.make(90, 2);

    @TempDir
    Path tmp;

    private static TrainingConfig config(int epochs, double ema) {
        return config(epochs, ema, 0.05);
    }

    private static TrainingConfig config(int epochs, double ema, double learningRate) {
        return TrainingConfig.builder().architecture("cnn3").epochs(epochs).batchSize(30)
                .optimizer(new OptimizerSettings("sgd", learningRate, 0.9, 0)).schedule(LrSchedule.CONSTANT).earlyStoppingPatience(0)
                .augmentation(AugmentationConfig.none()).balancing(ClassBalancing.NONE).seed(7).ema(ema).build();
    }

    /** Copies each epoch's checkpointed weights (trained and averaged) as the trainer announces the epoch. */
    private static final class CheckpointCopier implements TrainingListener {
        final Path dir;
        final Map<String, float[]> weights = new HashMap<>();
        final Map<Integer, EpochResult> epochs = new HashMap<>();

        CheckpointCopier(Path dir) {
            this.dir = dir;
        }

        @Override
        public void onEpoch(EpochResult e) {
            epochs.put(e.epoch(), e);
            try {
                String stem = String.format("epoch-%03d", e.epoch());
                weights.put(e.epoch() + "/raw", ArrayFile.read(dir.resolve(stem + ".params")));
                weights.put(e.epoch() + "/ema", ArrayFile.read(dir.resolve(stem + ".ema")));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    private static FaceImages noisyLabels(FaceImages images, double share, long seed) {
        java.util.Random rng = new java.util.Random(seed);
        FaceImages out = new FaceImages(images.size());
        for (int i = 0; i < images.size(); i++) {
            out.add(images.image(i), rng.nextDouble() < share ? rng.nextInt(3) : images.label(i));
        }
        return out;
    }

    @Test
    void whenTheAverageValidatesBetterItIsTheWeightsReturned() throws IOException {
        Path dir = tmp.resolve("noisy");
        CheckpointCopier copier = new CheckpointCopier(dir);
        TrainingRun run = new Trainer(config(1, 0.9, 0.1)).addListener(copier).run(SyntheticFaces.LABELS,
                NOISY_TRAIN, NOISY_VALIDATION, new CheckpointStore(dir), ProgressReporter.NONE);

        EpochResult only = run.outcome().history().get(0);
        assertThat(only.averageValidationAccuracy()).as("the average smooths the swinging weights")
                .isGreaterThan(only.validationAccuracy() + 0.1);
        assertThat(run.outcome().bestWeights()).isEqualTo(WeightAverage.EMA);
        assertThat(run.outcome().bestValidationAccuracy()).isEqualTo(only.averageValidationAccuracy());
        float[] average = copier.weights.get("1/ema");
        assertThat(run.network().params().toFloatVector()).isEqualTo(average);
        assertThat(ArrayFile.read(dir.resolve(CheckpointStore.BEST_PARAMS))).isEqualTo(average);
        assertThat(average).isNotEqualTo(copier.weights.get("1/raw"));
    }

    @Test
    void bothWeightsAreValidatedAndTheBetterOfTheBestEpochIsReturned() throws IOException {
        Path dir = tmp.resolve("ckpt");
        CheckpointCopier copier = new CheckpointCopier(dir);
        TrainingRun run = new Trainer(config(3, 0.9, 0.1)).addListener(copier).run(SyntheticFaces.LABELS,
                NOISY_TRAIN, NOISY_VALIDATION, new CheckpointStore(dir), ProgressReporter.NONE);

        TrainingOutcome o = run.outcome();
        for (EpochResult e : o.history()) {
            LOG.info("epoch {}: raw {} ema {}", e.epoch(), e.validationAccuracy(), e.averageValidationAccuracy());
            assertThat(e.averageValidationAccuracy()).isBetween(0.0, 1.0);
            assertThat(e.averageValidationLoss()).isPositive();
        }
        EpochResult best = copier.epochs.get(o.bestEpoch());
        boolean averageBetter = best.averageValidationAccuracy() > best.validationAccuracy();
        assertThat(o.bestWeights()).isEqualTo(averageBetter ? WeightAverage.EMA : WeightAverage.RAW);
        assertThat(o.bestValidationAccuracy())
                .isEqualTo(Math.max(best.validationAccuracy(), best.averageValidationAccuracy()));
        // the network returned (and saved by the pipeline) holds exactly the chosen weights of the best epoch
        assertThat(run.network().params().toFloatVector()).isEqualTo(copier.weights.get(o.bestEpoch() + "/" + o.bestWeights()));
        assertThat(new CheckpointStore(dir).load().orElseThrow().bestWeights()).isEqualTo(o.bestWeights());
        // only the last epoch's files stay
        assertThat(dir.resolve("epoch-003.ema")).exists();
        assertThat(dir.resolve("epoch-002.ema")).doesNotExist();
    }

    @Test
    void theAverageDoesNotChangeHowTheNetworkTrains() throws IOException {
        TrainingRun plain = new Trainer(config(2, 0)).run(SyntheticFaces.LABELS, TRAIN, VALIDATION,
                new CheckpointStore(tmp.resolve("plain")), ProgressReporter.NONE);
        TrainingRun averaged = new Trainer(config(2, 0.9)).run(SyntheticFaces.LABELS, TRAIN, VALIDATION,
                new CheckpointStore(tmp.resolve("averaged")), ProgressReporter.NONE);

        assertThat(averaged.outcome().history()).extracting(EpochResult::validationAccuracy)
                .isEqualTo(plain.outcome().history().stream().map(EpochResult::validationAccuracy).toList());
        assertThat(plain.outcome().history()).allSatisfy(e -> assertThat(e.averageValidationAccuracy()).isNull());
        assertThat(plain.outcome().bestWeights()).isNull();
        assertThat(Files.list(tmp.resolve("plain")).map(p -> p.getFileName().toString()).toList())
                .noneMatch(name -> name.endsWith(".ema"));
    }

    @Test
    void resumeContinuesTheAverageFromItsCheckpoint() throws IOException {
        CheckpointStore store = new CheckpointStore(tmp.resolve("interrupted"));
        CancellationToken control = new CancellationToken();
        TrainingListener cancelAfterFirstEpoch = new TrainingListener() {
            @Override
            public void onEpoch(EpochResult epoch) {
                control.cancel();
            }
        };
        new Trainer(config(3, 0.9)).addListener(cancelAfterFirstEpoch)
                .run(SyntheticFaces.LABELS, TRAIN, VALIDATION, store, control);
        CheckpointState afterOne = store.load().orElseThrow();
        assertThat(afterOne.averageFile()).isEqualTo("epoch-001.ema");

        TrainingRun resumed = new Trainer(config(3, 0.9)).run(SyntheticFaces.LABELS, TRAIN, VALIDATION, store,
                ProgressReporter.NONE);
        CheckpointStore straightStore = new CheckpointStore(tmp.resolve("straight"));
        TrainingRun straight = new Trainer(config(3, 0.9)).run(SyntheticFaces.LABELS, TRAIN, VALIDATION,
                straightStore, ProgressReporter.NONE);

        float[] resumedAverage = store.readAverage(store.load().orElseThrow());
        float[] straightAverage = straightStore.readAverage(straightStore.load().orElseThrow());
        assertThat(maxDifference(resumedAverage, straightAverage))
                .as("largest difference of the final averages, resumed against uninterrupted").isLessThan(1e-3);
        // an average restarted from the resumed weights would differ by far more than that
        float[] restartedAt = ArrayFile.read(tmp.resolve("straight").resolve("epoch-003.params"));
        assertThat(maxDifference(straightAverage, restartedAt)).isGreaterThan(1e-2);
        assertThat(resumed.outcome().history()).extracting(EpochResult::averageValidationAccuracy)
                .isEqualTo(straight.outcome().history().stream().map(EpochResult::averageValidationAccuracy).toList());
    }

    @Test
    void aCheckpointWithoutAnAverageCannotFeedOne() throws IOException {
        CheckpointStore store = new CheckpointStore(tmp.resolve("plain"));
        new Trainer(config(1, 0)).run(SyntheticFaces.LABELS, TRAIN.head(60), VALIDATION, store, ProgressReporter.NONE);

        assertThatThrownBy(() -> store.readAverage(store.load().orElseThrow()))
                .hasMessageContaining("names no weight average");
        assertThatThrownBy(() -> new Trainer(config(2, 0.9)).run(SyntheticFaces.LABELS, TRAIN.head(60), VALIDATION,
                store, ProgressReporter.NONE)).hasMessageContaining("other settings");
    }

    @Test
    void dataParallelTrainingRefusesAnAverage() {
        assertThatThrownBy(() -> new DataParallelTrainer(config(1, 0.99), new DataParallelTrainer.Settings(2, 1)))
                .hasMessageContaining("keeps no weight average");
    }

    private static double maxDifference(float[] a, float[] b) {
        assertThat(a).hasSameSizeAs(b);
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
