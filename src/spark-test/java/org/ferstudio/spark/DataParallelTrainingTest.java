package org.ferstudio.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ferstudio.data.AugmentationConfig;
import org.ferstudio.data.DataSplits;
import org.ferstudio.data.FaceImages;
import org.ferstudio.face.TestTimeAugmentation;
import org.ferstudio.nets.Architectures;
import org.ferstudio.nets.FaceClassifier;
import org.ferstudio.nets.NetworkSpec;
import org.ferstudio.nets.OptimizerSettings;
import org.ferstudio.store.ArrayFile;
import org.ferstudio.store.LoadedModel;
import org.ferstudio.store.ModelStore;
import org.ferstudio.task.CancellationToken;
import org.ferstudio.task.ProgressReporter;
import org.ferstudio.testutil.SyntheticFaces;
import org.ferstudio.train.CheckpointStore;
import org.ferstudio.train.ClassBalancing;
import org.ferstudio.train.DataParallelPipeline;
import org.ferstudio.train.DataParallelTrainer;
import org.ferstudio.train.EpochResult;
import org.ferstudio.train.LrSchedule;
import org.ferstudio.train.Trainer;
import org.ferstudio.train.TrainingConfig;
import org.ferstudio.train.TrainingListener;
import org.ferstudio.train.TrainingPipeline;
import org.ferstudio.train.TrainingRequest;
import org.ferstudio.train.TrainingRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Synchronous data-parallel training on Spark's local mode. */
class DataParallelTrainingTest {

    @TempDir
    Path tmp;

    private static TrainingConfig config(int epochs, int batch, AugmentationConfig augmentation) {
        return TrainingConfig.builder().architecture("cnn3").epochs(epochs).batchSize(batch)
                .optimizer(OptimizerSettings.adam(1e-3)).schedule(LrSchedule.COSINE).plateauPatience(2)
                .plateauFactor(0.5).minLearningRate(1e-5).labelSmoothing(0.1).earlyStoppingPatience(0)
                .augmentation(augmentation).balancing(ClassBalancing.NONE).seed(11).build();
    }

    @Test
    void oneWorkerAveragingAfterEveryStepReplaysTheSingleProcessTrainer() throws IOException {
        FaceImages train = SyntheticFaces.make(64, 1);
        FaceImages validation = SyntheticFaces.make(15, 2);
        // augmentation, label smoothing, a cosine schedule and cnn3's dropout: every random stream is exercised
        TrainingConfig config = config(1, 16, AugmentationConfig.standard());

        TrainingRun single = new Trainer(config).run(SyntheticFaces.LABELS, train, validation,
                new CheckpointStore(tmp.resolve("single")), ProgressReporter.NONE);
        DataParallelTrainer.Result parallel = new DataParallelTrainer(config, new DataParallelTrainer.Settings(1, 1))
                .run(SyntheticFaces.LABELS, train, validation, new CheckpointStore(tmp.resolve("parallel")),
                        new SparkWorkers(SharedSpark.session()), ProgressReporter.NONE);

        assertThat(parallel.rounds()).isEqualTo(4);
        float[] expected = ArrayFile.toFloats(single.network().params());
        float[] initial = ArrayFile.toFloats(Architectures.byId(config.architecture()).build(
                new NetworkSpec(3, config.seed(), config.optimizer(), List.of())).params());
        double moved = 0;
        for (int i = 0; i < expected.length; i++) {
            moved = Math.max(moved, Math.abs(expected[i] - initial[i]));
        }
        assertThat(moved).as("training changed the parameters").isGreaterThan(1e-3);
        assertThat(maxDifference(parallel.run(), single)).as("largest parameter difference").isLessThan(1e-5);
        assertThat(parallel.run().outcome().history().get(0).validationAccuracy())
                .isEqualTo(single.outcome().history().get(0).validationAccuracy());
    }

    @Test
    void aRunStoppedAfterAnEpochResumesFromItsCheckpointAndEndsAsAnUninterruptedRun() throws IOException {
        FaceImages train = SyntheticFaces.make(60, 4);
        FaceImages validation = SyntheticFaces.make(15, 5);
        TrainingConfig config = config(2, 10, AugmentationConfig.standard());
        // one worker: two tasks of 2 ND4J threads each would oversubscribe the 2-core build machine
        DataParallelTrainer.Settings settings = new DataParallelTrainer.Settings(1, 2);
        SparkWorkers workers = new SparkWorkers(SharedSpark.session());
        TrainingRun uninterrupted = new DataParallelTrainer(config, settings).run(SyntheticFaces.LABELS, train,
                validation, new CheckpointStore(tmp.resolve("whole")), workers, ProgressReporter.NONE).run();

        // the driver "dies" after epoch 1: a new trainer, as a new driver would build, continues from the folder
        CheckpointStore store = new CheckpointStore(tmp.resolve("stopped"));
        CancellationToken stop = new CancellationToken();
        TrainingListener stopAfterEpoch = new TrainingListener() {
            @Override
            public void onEpoch(EpochResult epoch) {
                stop.cancel();
            }
        };
        TrainingRun first = new DataParallelTrainer(config, settings).addListener(stopAfterEpoch)
                .run(SyntheticFaces.LABELS, train, validation, store, workers, stop).run();
        assertThat(first.outcome().stopReason()).isEqualTo("cancelled");
        TrainingRun resumed = new DataParallelTrainer(config, settings).run(SyntheticFaces.LABELS, train, validation,
                store, workers, ProgressReporter.NONE).run();

        assertThat(resumed.outcome().history()).extracting(EpochResult::epoch).containsExactly(1, 2);
        assertThat(maxDifference(resumed, uninterrupted)).as("largest parameter difference").isLessThan(1e-5);
        assertThatThrownBy(() -> new DataParallelTrainer(config.withEpochs(3), new DataParallelTrainer.Settings(2, 2))
                .run(SyntheticFaces.LABELS, train, validation, store, workers, ProgressReporter.NONE))
                .hasMessageContaining("1 workers and 2 steps a round");
    }

    @Test
    void twoWorkersTrainAModelFolderThatLoadsAndBeatsChance() throws IOException {
        DataSplits splits = new DataSplits(SyntheticFaces.make(240, 1), SyntheticFaces.make(60, 2),
                SyntheticFaces.make(60, 3), "synthetic");
        TrainingConfig config = config(3, 30, AugmentationConfig.none());
        Path out = tmp.resolve("model");
        TrainingRequest request = new TrainingRequest(SyntheticFaces.LABELS, splits, null, config);
        TrainingPipeline.Output output = new TrainingPipeline.Output("dp-test", out, tmp.resolve("ckpt"), true,
                tmp.resolve("features"), List.of(TestTimeAugmentation.NONE));

        TrainingPipeline.Result result = DataParallelPipeline.run(request, output, new DataParallelTrainer.Settings(2, 2),
                new SparkWorkers(SharedSpark.session()), List.of(), ProgressReporter.NONE);

        assertThat(result.card()).isNotNull();
        LoadedModel loaded = ModelStore.load(out);
        float[][] probs = new FaceClassifier(loaded.network()).classify(splits.test(), TestTimeAugmentation.NONE,
                ProgressReporter.NONE);
        int right = 0;
        for (int i = 0; i < probs.length; i++) {
            int best = 0;
            for (int c = 1; c < probs[i].length; c++) {
                best = probs[i][c] > probs[i][best] ? c : best;
            }
            right += best == splits.test().label(i) ? 1 : 0;
        }
        assertThat((double) right / probs.length).as("test accuracy, chance is 1/3").isGreaterThan(0.6);
        @SuppressWarnings("unchecked")
        Map<String, Object> spread = (Map<String, Object>) loaded.card().training().get(DataParallelPipeline.CARD_KEY);
        assertThat(spread).containsEntry("workers", 2).containsEntry("stepsPerRound", 2).containsEntry("rounds", 3 * 2);
        assertThat(loaded.card().trainingSeconds()).isGreaterThanOrEqualTo(0);
    }

    /** Element by element (AssertJ's array diff is quadratic in the 1.5 million parameters). */
    private static double maxDifference(TrainingRun a, TrainingRun b) {
        float[] x = ArrayFile.toFloats(a.network().params());
        float[] y = ArrayFile.toFloats(b.network().params());
        assertThat(x.length).isEqualTo(y.length);
        double max = 0;
        for (int i = 0; i < x.length; i++) {
            max = Math.max(max, Math.abs(x[i] - y[i]));
        }
        return max;
    }
}
