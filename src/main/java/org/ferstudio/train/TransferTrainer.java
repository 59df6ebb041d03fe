package org.ferstudio.train;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ferstudio.data.AugmentationConfig;
import org.ferstudio.data.FaceImages;
import org.ferstudio.face.TestTimeAugmentation;
import org.ferstudio.model.ClassLabels;
import org.ferstudio.nets.FeatureExtractor;
import org.ferstudio.nets.FerNetwork;
import org.ferstudio.nets.Nd4jRuntime;
import org.ferstudio.nets.NetworkSpec;
import org.ferstudio.nets.TransferArchitecture;
import org.ferstudio.task.CancelledException;
import org.ferstudio.task.ProgressReporter;

/**
 * Trains a {@link TransferArchitecture} in two stages. First the pretrained base's features of the training
 * and validation faces are computed once ({@link FeatureCache}) and the head alone trains on them with the
 * run's settings, an epoch taking seconds instead of a pass through the base. Then, if the config asks for
 * it, the last blocks of the base and the head train together on the images with augmentation, at the
 * fine-tuning learning rate. The result is the stage whose best epoch validated better, so fine-tuning
 * cannot make the model worse. The head stage checkpoints into the run's folder (where {@code --resume}
 * looks for the run's settings), fine-tuning into its {@value #FINE_TUNE_FOLDER} subfolder.
 */
public final class TransferTrainer {

    static final String FINE_TUNE_FOLDER = "fine-tune";

    private final TrainingConfig config;
    private final TransferArchitecture architecture;
    private final FeatureCache cache;
    private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();

    public TransferTrainer(TrainingConfig config, TransferArchitecture architecture, FeatureCache cache) {
        if (!architecture.id().equals(config.architecture())) {
            throw new IllegalArgumentException("the config is for " + config.architecture() + ", not "
                    + architecture.id());
        }
        if (config.distillation() != null) {
            throw new IllegalArgumentException("distillation (--teacher) trains architectures trained in one stage; "
                    + architecture.id() + " trains a head on its pretrained base's cached features");
        }
        if (config.ema() > 0) {
            throw new IllegalArgumentException("--ema averages one-stage architectures' weights; " + architecture.id()
                    + " trains a head on cached features, then fine-tunes");
        }
        if (config.fineTuning() != null && config.fineTuning().blocks() > architecture.blocks()) {
            throw new IllegalArgumentException(architecture.id() + " has " + architecture.blocks()
                    + " blocks to fine-tune, not " + config.fineTuning().blocks());
        }
        this.config = config;
        this.architecture = architecture;
        this.cache = cache;
    }

    public TransferTrainer addListener(TrainingListener listener) {
        listeners.add(listener);
        return this;
    }

    /** Trains, or continues the run in {@code checkpoints}; on cancel returns a cancelled outcome. */
    public TrainingRun run(ClassLabels labels, FaceImages train, FaceImages validation, CheckpointStore checkpoints,
                           ProgressReporter control) throws IOException {
        Trainer.requireImages(train, validation);
        long start = System.nanoTime();
        NetworkSpec spec = Trainer.networkSpec(config, labels, train.labels());
        FeatureEpochData trainFeatures;
        FeatureEpochData validationFeatures;
        try {
            FeatureExtractor extractor = architecture.featureExtractor();
            TestTimeAugmentation views = config.augmentation().flip() ? TestTimeAugmentation.FLIP
                    : TestTimeAugmentation.NONE;
            trainFeatures = cache.features(train, extractor, views, preparing("features of the training set", control));
            validationFeatures = cache.features(validation, extractor, TestTimeAugmentation.NONE,
                    preparing("features of the validation set", control));
        } catch (CancelledException e) {
            return new TrainingRun(architecture.build(spec), new TrainingOutcome(List.of(), 0,
                    Double.NEGATIVE_INFINITY, "cancelled", seconds(start)));
        }
        double featureSeconds = seconds(start);

        announce(String.format("stage 1 of %d: the head, on the frozen %s base's cached features", stages(),
                architecture.id()));
        TrainingRun head = onOneThread(() -> trainer(config).run(labels, architecture.buildHead(spec),
                trainFeatures, validationFeatures, checkpoints, control));
        FerNetwork headOnBase = architecture.assemble(spec, head.network(), 0);
        TrainingConfig.FineTuning stage2 = config.fineTuning();
        if (stage2 == null || head.outcome().cancelled() || head.outcome().bestEpoch() == 0) {
            return new TrainingRun(headOnBase, combine(head.outcome(), null, featureSeconds));
        }

        TrainingConfig fineConfig = fineTuningConfig(config);
        NetworkSpec fineSpec = Trainer.networkSpec(fineConfig, labels, train.labels());
        announce(String.format("stage 2 of 2: the last %d of %d blocks and the head, on the images, learning rate %s",
                stage2.blocks(), architecture.blocks(), stage2.learningRate()));
        TrainingRun fine = trainer(fineConfig).run(labels,
                architecture.assemble(fineSpec, head.network(), stage2.blocks()),
                new ImageEpochData(train, config.augmentation()),
                new ImageEpochData(validation, AugmentationConfig.none()),
                new CheckpointStore(checkpoints.dir().resolve(FINE_TUNE_FOLDER)), control);
        boolean fineTuningHelped = fine.outcome().bestEpoch() > 0
                && fine.outcome().bestValidationAccuracy() > head.outcome().bestValidationAccuracy();
        return new TrainingRun(fineTuningHelped ? fine.network() : headOnBase,
                combine(head.outcome(), fine.outcome(), featureSeconds));
    }

    /** The fine-tuning stage's settings: the run's, with the stage's epochs and learning rate. */
    static TrainingConfig fineTuningConfig(TrainingConfig c) {
        TrainingConfig.FineTuning stage = c.fineTuning();
        return c.toBuilder().epochs(stage.epochs()).learningRate(stage.learningRate()).fineTuning(null)
                .startFrom(null).build();
    }

    /**
     * One outcome for both stages: fine-tuning's epochs numbered on from the head's, the better stage's
     * best epoch, fine-tuning's stop reason, and the time of both plus computing the features.
     */
    static TrainingOutcome combine(TrainingOutcome head, TrainingOutcome fine, double featureSeconds) {
        if (fine == null) {
            return new TrainingOutcome(head.history(), head.bestEpoch(), head.bestValidationAccuracy(),
                    head.stopReason(), head.trainingSeconds() + featureSeconds);
        }
        int headEpochs = head.history().size();
        int total = headEpochs + (fine.history().isEmpty() ? 0 : fine.history().get(0).epochs());
        List<EpochResult> history = new ArrayList<>(head.history());
        for (EpochResult e : fine.history()) {
            history.add(new EpochResult(headEpochs + e.epoch(), total, e.trainLoss(), e.trainAccuracy(),
                    e.validationLoss(), e.validationAccuracy(), e.learningRate(), e.seconds(), e.imagesPerSecond(),
                    e.best() && e.validationAccuracy() > head.bestValidationAccuracy()));
        }
        boolean fineBetter = fine.bestEpoch() > 0 && fine.bestValidationAccuracy() > head.bestValidationAccuracy();
        return new TrainingOutcome(history, fineBetter ? headEpochs + fine.bestEpoch() : head.bestEpoch(),
                Math.max(head.bestValidationAccuracy(), fine.bestValidationAccuracy()), fine.stopReason(),
                head.trainingSeconds() + fine.trainingSeconds() + featureSeconds);
    }

    /** Work that may throw an I/O error. */
    @FunctionalInterface
    private interface Stage {
        TrainingRun run() throws IOException;
    }

    /**
     * The head's operations are tiny (a 256x128 matrix product per batch): OpenMP's fork and join on every
     * operation costs more than a second thread gains, and with other work on the machine each join waits
     * for a busy core. Measured here under load: 97 ms per batch on two threads, 12-17 ms on one.
     */
    private static TrainingRun onOneThread(Stage stage) throws IOException {
        int threads = Nd4jRuntime.threads();
        Nd4jRuntime.setThreads(1);
        try {
            return stage.run();
        } finally {
            Nd4jRuntime.setThreads(threads);
        }
    }

    private Trainer trainer(TrainingConfig stageConfig) {
        Trainer trainer = new Trainer(stageConfig);
        listeners.forEach(trainer::addListener);
        return trainer;
    }

    private int stages() {
        return config.fineTuning() == null ? 1 : 2;
    }

    private void announce(String stage) {
        listeners.forEach(l -> l.onStage(stage));
    }

    private ProgressReporter preparing(String task, ProgressReporter control) {
        return TrainingListener.preparing(listeners, task, control);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
