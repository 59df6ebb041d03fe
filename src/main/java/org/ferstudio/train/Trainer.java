package org.ferstudio.train;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ferstudio.data.AugmentationConfig;
import org.ferstudio.data.FaceImages;
import org.ferstudio.model.ClassLabels;
import org.ferstudio.nets.Architectures;
import org.ferstudio.nets.FerNetwork;
import org.ferstudio.nets.NetworkSpec;
import org.ferstudio.nets.TrainStep;
import org.ferstudio.task.CancelledException;
import org.ferstudio.task.ProgressReporter;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training loop: mini-batches with on-the-fly augmentation, the learning-rate schedule, validation
 * after every epoch, then the policies it calls: a checkpoint after every epoch ({@link EpochCheckpointer}) and
 * early stopping ({@link EarlyStopping}); cooperative cancel and resume. With {@code config.ema() > 0} it keeps a
 * {@link WeightAverage}, validates it beside the trained weights every epoch and keeps whichever is better as the
 * best epoch's weights; the learning-rate schedule follows the trained weights alone, so the average does not
 * change how the network trains.
 * Everything random is seeded from the config's seed and the epoch number, so a resumed run replays the
 * same epochs an uninterrupted one would.
 */
public final class Trainer {

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private final TrainingConfig config;
    private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();
    private Path teacherCache = TeacherProbabilities.defaultDirectory();

    public Trainer(TrainingConfig config) {
        this.config = config;
    }

    public Trainer addListener(TrainingListener listener) {
        listeners.add(listener);
        return this;
    }

    /** Where a distilling run ({@link TrainingConfig#distillation()}) keeps its teachers' probabilities. */
    public Trainer teacherCache(Path dir) {
        this.teacherCache = dir;
        return this;
    }

    public TrainingConfig config() {
        return config;
    }

    /**
     * Trains, or continues the run whose checkpoints are in {@code checkpoints}. On cancel the last
     * finished epoch stays checkpointed and the best epoch's network is returned.
     */
    public TrainingRun run(ClassLabels labels, FaceImages train, FaceImages validation, CheckpointStore checkpoints,
                           ProgressReporter control) throws IOException {
        requireImages(train, validation);
        FerNetwork net = Architectures.byId(config.architecture()).build(networkSpec(config, labels, train.labels()));
        EpochData trainData = new ImageEpochData(train, config.augmentation());
        if (config.distillation() != null) {
            float[] teacher;
            try {
                teacher = new TeacherProbabilities(teacherCache).of(config.distillation(), labels, train,
                        preparing("teacher probabilities of the training set", control));
            } catch (CancelledException e) {
                return new TrainingRun(net, new TrainingOutcome(List.of(), 0, Double.NEGATIVE_INFINITY, "cancelled", 0));
            }
            trainData = new DistilledEpochData(trainData, teacher, labels.size(), config.distillation());
        }
        return run(labels, net, trainData, new ImageEpochData(validation, AugmentationConfig.none()), checkpoints,
                control);
    }

    private ProgressReporter preparing(String task, ProgressReporter control) {
        return TrainingListener.preparing(listeners, task, control);
    }

    static void requireImages(FaceImages train, FaceImages validation) {
        if (train.size() == 0 || validation.size() == 0) {
            throw new IllegalArgumentException("training needs images in both the training ("
                    + train.size() + ") and the validation (" + validation.size() + ") set");
        }
    }

    /**
     * Trains {@code net}, built for this config, on images or cached features: the entry of each stage of
     * {@link TransferTrainer}. Same checkpointing, resume and cancel as {@link #run(ClassLabels, FaceImages,
     * FaceImages, CheckpointStore, ProgressReporter)}.
     */
    TrainingRun run(ClassLabels labels, FerNetwork net, EpochData train, EpochData validation,
                    CheckpointStore checkpoints, ProgressReporter control) throws IOException {
        String fingerprint = fingerprint(train, validation);
        Optional<CheckpointState> previous = checkpoints.load();
        previous.ifPresent(p -> checkResumable(p, labels, fingerprint));

        int[] trainLabels = train.labels();
        int[] validationLabels = validation.labels();
        int batchSize = Math.min(config.batchSize(), train.size());
        int batches = train.size() / batchSize;
        LearningRatePolicy lr = new LearningRatePolicy(config, batches);
        Progress p = new Progress();
        if (previous.isPresent()) {
            CheckpointState s = previous.get();
            checkpoints.restoreLast(s, net);
            lr.restore(new LearningRatePolicy.State(s.lrPlateauRate(), s.lrBestAccuracy(),
                    s.lrEpochsWithoutImprovement()));
            p.restore(s);
            LOG.info("resuming after epoch {} from {}", s.epochsDone(), checkpoints.dir());
        } else if (config.startFrom() != null) {
            // a new run's start; a resumed run continues from its checkpoint instead
            StartingWeights.apply(config.startFrom(), config.architecture(), labels, net);
        }
        WeightAverage average = null;
        if (config.ema() > 0) {
            average = previous.isPresent()
                    ? WeightAverage.restored(config.ema(), checkpoints.readAverage(previous.get()), net)
                    : WeightAverage.startingAt(config.ema(), net);
        }
        int firstEpoch = p.epochsDone + 1;
        for (TrainingListener l : listeners) {
            l.onTrainingStart(new TrainingStart(config, firstEpoch, batches, train.size(), validation.size(),
                    net.trainableParams()));
        }

        Session session = new Session(System.nanoTime());
        EarlyStopping stopping = new EarlyStopping(config.earlyStoppingPatience());
        EpochCheckpointer checkpointer = new EpochCheckpointer(checkpoints, config, labels, fingerprint);
        // a run that stopped early stays stopped when resumed (a transfer run resumes its finished head stage)
        boolean stoppedEarly = stopping.stops(p.epochsSinceBest);
        String stopReason = stoppedEarly ? "early stopping" : "completed";
        int lastEpoch = stoppedEarly ? p.epochsDone : config.epochs();
        for (int epoch = firstEpoch; epoch <= lastEpoch; epoch++) {
            Nd4j.getRandom().setSeed(mix(config.seed(), epoch, 1));
            int[] order = EpochOrder.forEpoch(config.balancing(), trainLabels, labels.size(), config.seed(), epoch);
            Random rng = new Random(mix(config.seed(), epoch, 2));
            long epochStart = System.nanoTime();
            EpochTotals totals = trainEpoch(net, average, train, order, rng, labels, lr, p, epoch, batches, batchSize,
                    session, control);
            if (totals == null) {
                stopReason = "cancelled";
                break;
            }
            float[][] probs = validation.predict(net, ProgressReporter.NONE);
            double[] valLossAcc = lossAndAccuracy(probs, validationLabels);
            double[] averageLossAcc = average == null ? null : validateAverage(net, average, validation);
            lr.onEpochEnd(valLossAcc[1]);
            boolean averageBetter = averageLossAcc != null && averageLossAcc[1] > valLossAcc[1];
            double accuracy = averageBetter ? averageLossAcc[1] : valLossAcc[1];
            boolean best = accuracy > p.bestAccuracy;
            if (best) {
                p.bestAccuracy = accuracy;
                p.bestEpoch = epoch;
                p.epochsSinceBest = 0;
                p.bestWeights = average == null ? null : averageBetter ? WeightAverage.EMA : WeightAverage.RAW;
            } else {
                p.epochsSinceBest++;
            }
            double epochSeconds = (System.nanoTime() - epochStart) / 1e9;
            EpochResult result = new EpochResult(epoch, config.epochs(), totals.lossSum() / batches,
                    totals.counted() > 0 ? (double) totals.correct() / totals.counted() : Double.NaN, valLossAcc[0],
                    valLossAcc[1],
                    lr.rateAt(p.iteration - 1), epochSeconds, (double) batches * batchSize / epochSeconds, best,
                    averageLossAcc == null ? null : averageLossAcc[0], averageLossAcc == null ? null : averageLossAcc[1]);
            p.history.add(result);
            p.epochsDone = epoch;
            checkpointer.save(epoch, p.iteration, lr.state(), p.bestEpoch, p.bestAccuracy, p.epochsSinceBest,
                    p.elapsedBefore + session.seconds(), p.history, net, best, average, p.bestWeights);
            for (TrainingListener l : listeners) {
                l.onEpoch(result);
            }
            if (stopping.stops(p.epochsSinceBest)) {
                stopReason = "early stopping";
                break;
            }
        }
        if (p.bestEpoch > 0) {
            checkpoints.restoreBest(net);
        }
        double total = p.elapsedBefore + session.seconds();
        TrainingOutcome outcome = new TrainingOutcome(p.history, p.bestEpoch, p.bestAccuracy, stopReason, total,
                p.bestWeights);
        for (TrainingListener l : listeners) {
            l.onTrainingEnd(outcome);
        }
        return new TrainingRun(net, outcome);
    }

    /** Loss and accuracy of the weight average on the validation set; the network keeps its own weights. */
    private static double[] validateAverage(FerNetwork net, WeightAverage average, EpochData validation) {
        average.swapWith(net);
        try {
            return lossAndAccuracy(validation.predict(net, ProgressReporter.NONE), validation.labels());
        } finally {
            average.swapWith(net);
        }
    }

    /**
     * One epoch's mini-batches, each folded into {@code average} when there is one; null when cancelled part-way
     * (the epoch then counts for nothing).
     */
    private EpochTotals trainEpoch(FerNetwork net, WeightAverage average, EpochData train, int[] order, Random rng, ClassLabels labels,
                                   LearningRatePolicy lr, Progress p, int epoch, int batches, int batchSize,
                                   Session session, ProgressReporter control) {
        double lossSum = 0;
        long correct = 0;
        long counted = 0;
        for (int b = 0; b < batches; b++) {
            if (control.isCancelled()) {
                return null;
            }
            DataSet batch = train.batch(order, b * batchSize, batchSize, labels.size(), config.labelSmoothing(), rng);
            double rate = lr.rateAt(p.iteration);
            if (rate != session.rateSet) {
                // DL4J refreshes every layer's updater on each call: milliseconds a batch on small networks
                net.setLearningRate(rate);
                session.rateSet = rate;
            }
            TrainStep step = net.fit(batch);
            if (average != null) {
                average.update(net, p.iteration);
            }
            p.iteration++;
            lossSum += step.loss();
            if (step.correct() >= 0) {
                correct += step.correct();
                counted += batchSize;
            }
            session.images += batchSize;
            double ips = session.images / Math.max(1e-9, session.seconds());
            long remaining = (long) (config.epochs() - epoch) * batches * batchSize + (long) (batches - b - 1) * batchSize;
            BatchProgress bp = new BatchProgress(epoch, config.epochs(), b + 1, batches, step.loss(),
                    step.correct() >= 0 ? (double) step.correct() / batchSize : Double.NaN, rate, ips,
                    remaining / Math.max(1e-9, ips));
            for (TrainingListener l : listeners) {
                l.onBatch(bp);
            }
        }
        return new EpochTotals(lossSum, correct, counted);
    }

    /** Sums over one epoch's batches. */
    private record EpochTotals(double lossSum, long correct, long counted) {
    }

    /** This session's clock, images and the learning rate last set on the network (runs of a resume add up). */
    private static final class Session {
        final long start;
        long images;
        double rateSet = Double.NaN;

        Session(long start) {
            this.start = start;
        }

        double seconds() {
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /** What the architecture needs to build the network for {@code config}. */
    static NetworkSpec networkSpec(TrainingConfig config, ClassLabels labels, int[] trainLabels) {
        List<Double> weights = List.of();
        if (config.balancing() == ClassBalancing.WEIGHTS) {
            int[] counts = new int[labels.size()];
            for (int label : trainLabels) {
                counts[label]++;
            }
            weights = EpochOrder.classWeights(counts);
        }
        return new NetworkSpec(labels.size(), config.seed(), config.optimizer(), weights);
    }

    /** Mean cross-entropy and accuracy of predicted probabilities. */
    static double[] lossAndAccuracy(float[][] probs, int[] truth) {
        double loss = 0;
        int right = 0;
        for (int i = 0; i < probs.length; i++) {
            int t = truth[i];
            loss -= Math.log(Math.max(1e-7, probs[i][t]));
            int best = 0;
            for (int c = 1; c < probs[i].length; c++) {
                if (probs[i][c] > probs[i][best]) {
                    best = c;
                }
            }
            if (best == t) {
                right++;
            }
        }
        return new double[] {loss / probs.length, (double) right / probs.length};
    }

    private void checkResumable(CheckpointState s, ClassLabels labels, String fingerprint) {
        if (!s.classes().equals(labels.names())) {
            throw new IllegalStateException("the checkpoint was trained on classes " + s.classes()
                    + ", this dataset has " + labels.names());
        }
        if (!s.dataFingerprint().equals(fingerprint)) {
            throw new IllegalStateException("the checkpoint was trained on different data (the training and "
                    + "validation images differ); resume with the same dataset, split and row limit");
        }
        if (!s.config().withEpochs(config.epochs()).withSchedule(config.schedule()).equals(config)) {
            throw new IllegalStateException("the checkpoint was trained with other settings: " + s.config()
                    + "; resume with the same settings (only the epochs and the schedule may change)");
        }
    }

    /** SHA-256 over both sets' items and labels: a resume must see exactly the same data. */
    static String fingerprint(EpochData train, EpochData validation) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (EpochData set : List.of(train, validation)) {
                set.digest(md);
                md.update((byte) 0xFF);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static long mix(long seed, int epoch, int stream) {
        long z = seed * 0x9E3779B97F4A7C15L + epoch * 0xBF58476D1CE4E5B9L + stream * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The loop's running state, restored from a checkpoint on resume. */
    private static final class Progress {
        int epochsDone;
        int iteration;
        int bestEpoch;
        double bestAccuracy = Double.NEGATIVE_INFINITY;
        int epochsSinceBest;
        double elapsedBefore;
        String bestWeights;
        final List<EpochResult> history = new ArrayList<>();

        void restore(CheckpointState s) {
            epochsDone = s.epochsDone();
            iteration = s.iterationCount();
            bestEpoch = s.bestEpoch();
            bestAccuracy = s.bestValidationAccuracy();
            epochsSinceBest = s.epochsSinceBest();
            elapsedBefore = s.elapsedSeconds();
            bestWeights = s.bestWeights();
            history.addAll(s.history());
        }
    }
}
