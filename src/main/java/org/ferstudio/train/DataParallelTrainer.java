package org.ferstudio.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ferstudio.data.AugmentationConfig;
import org.ferstudio.data.FaceImages;
import org.ferstudio.model.ClassLabels;
import org.ferstudio.nets.Architectures;
import org.ferstudio.nets.FerNetwork;
import org.ferstudio.nets.TransferArchitecture;
import org.ferstudio.store.ArrayFile;
import org.ferstudio.io.Json;
import org.ferstudio.task.ProgressReporter;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver of synchronous data-parallel training: the {@link Trainer}'s loop (epochs, learning-rate schedule,
 * validation, checkpoints, early stopping, resume) with each epoch's mini-batches done in rounds by the workers:
 * every round each worker trains {@code stepsPerRound} mini-batches on its shard from the same parameters and
 * optimiser state, and the driver averages what they return. The training images are split into one shard per
 * worker (image i to shard i mod workers); an epoch is as many rounds as the smallest shard has mini-batches.
 * A checkpoint is written after every epoch, with the same files as the trainer's plus {@code data-parallel.json};
 * a run whose driver died resumes from it with the same workers and steps per round.
 */
public final class DataParallelTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(DataParallelTrainer.class);
    static final String SETTINGS_FILE = "data-parallel.json";

    /** How the work is spread: workers (shards) and mini-batches each worker trains between two averagings. */
    public record Settings(int workers, int stepsPerRound) {
        public Settings {
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be >= 1, got " + workers);
            }
            if (stepsPerRound < 1) {
                throw new IllegalArgumentException("steps per round must be >= 1, got " + stepsPerRound);
            }
        }
    }

    /** What a finished run adds to the trainer's result: rounds done and the bytes a round moves. */
    public record Result(TrainingRun run, int rounds, long bytesPerRoundPerWorker, double secondsInRounds) {
    }

    private final TrainingConfig config;
    private final Settings settings;
    private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();

    public DataParallelTrainer(TrainingConfig config, Settings settings) {
        if (Architectures.byId(config.architecture()) instanceof TransferArchitecture || config.fineTuning() != null) {
            throw new IllegalArgumentException("data-parallel training trains one-stage architectures; "
                    + config.architecture() + " trains a pretrained base in stages (use train on one machine)");
        }
        if (config.distillation() != null) {
            throw new IllegalArgumentException("distillation (--teacher) runs on one machine: the data-parallel "
                    + "workers' shards carry no teacher probabilities");
        }
        if (config.ema() > 0) {
            // the workers' steps are averaged once a round: an average per mini-batch would need every worker's
            // weights after every step, which is what the rounds avoid
            throw new IllegalArgumentException("data-parallel training keeps no weight average; train without "
                    + "--ema, or with train on one machine");
        }
        this.config = config;
        this.settings = settings;
    }

    public DataParallelTrainer addListener(TrainingListener listener) {
        listeners.add(listener);
        return this;
    }

    /** Image i of {@code train} goes to shard i mod workers. */
    public static List<FaceImages> shards(FaceImages train, int workers) {
        List<FaceImages> shards = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int size = (train.size() - w + workers - 1) / workers;
            int[] idx = new int[Math.max(0, size)];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = w + i * workers;
            }
            shards.add(train.subset(idx));
        }
        return shards;
    }

    public Result run(ClassLabels labels, FaceImages train, FaceImages validation, CheckpointStore checkpoints,
                      DataParallel.Workers workers, ProgressReporter control) throws IOException {
        Trainer.requireImages(train, validation);
        List<FaceImages> shards = shards(train, settings.workers());
        int smallest = shards.stream().mapToInt(FaceImages::size).min().orElse(0);
        int batchSize = Math.min(config.batchSize(), smallest);
        if (batchSize < 1) {
            throw new IllegalArgumentException(settings.workers() + " workers need at least " + settings.workers()
                    + " training images, got " + train.size());
        }
        int stepsPerEpoch = smallest / batchSize;
        int roundsPerEpoch = (stepsPerEpoch + settings.stepsPerRound() - 1) / settings.stepsPerRound();
        int[] classCounts = train.classCounts(labels.size());
        FerNetwork net = Architectures.byId(config.architecture()).build(ShardWorker.spec(config, labels.size(), classCounts));
        ImageEpochData validationData = new ImageEpochData(validation, AugmentationConfig.none());
        String fingerprint = Trainer.fingerprint(new ImageEpochData(train, AugmentationConfig.none()), validationData);

        Optional<CheckpointState> previous = checkpoints.load();
        LearningRatePolicy lr = new LearningRatePolicy(config, stepsPerEpoch);
        int epochsDone = 0;
        int iteration = 0;
        int bestEpoch = 0;
        double bestAccuracy = Double.NEGATIVE_INFINITY;
        int epochsSinceBest = 0;
        double elapsedBefore = 0;
        List<EpochResult> history = new ArrayList<>();
        if (previous.isPresent()) {
            CheckpointState s = previous.get();
            checkResumable(s, labels, fingerprint, checkpoints.dir());
            checkpoints.restoreLast(s, net);
            lr.restore(new LearningRatePolicy.State(s.lrPlateauRate(), s.lrBestAccuracy(), s.lrEpochsWithoutImprovement()));
            epochsDone = s.epochsDone();
            iteration = s.iterationCount();
            bestEpoch = s.bestEpoch();
            bestAccuracy = s.bestValidationAccuracy();
            epochsSinceBest = s.epochsSinceBest();
            elapsedBefore = s.elapsedSeconds();
            history.addAll(s.history());
            LOG.info("resuming after epoch {} from {}", epochsDone, checkpoints.dir());
        } else if (config.startFrom() != null) {
            StartingWeights.apply(config.startFrom(), config.architecture(), labels, net);
        }
        Files.createDirectories(checkpoints.dir());
        Json.write(checkpoints.dir().resolve(SETTINGS_FILE), settings);

        for (TrainingListener l : listeners) {
            l.onTrainingStart(new TrainingStart(config, epochsDone + 1, roundsPerEpoch, train.size(), validation.size(),
                    net.trainableParams()));
        }
        workers.distribute(shards);
        String configJson = Json.toJson(config);
        float[] params = ArrayFile.toFloats(net.params());
        float[] updater = net.updaterState() == null ? null : ArrayFile.toFloats(net.updaterState());
        long bytesPerRound = 4L * (params.length + (updater == null ? 0 : updater.length));
        LOG.info("{} workers, {} images a shard (smallest), {} steps of {} a round, {} rounds an epoch, {} MB each way "
                        + "per worker and round", settings.workers(), smallest, settings.stepsPerRound(), batchSize,
                roundsPerEpoch, String.format(java.util.Locale.ROOT, "%.1f", bytesPerRound / 1e6));

        long sessionStart = System.nanoTime();
        long sessionImages = 0;
        double secondsInRounds = 0;
        int rounds = 0;
        boolean stoppedEarly = config.earlyStoppingPatience() > 0 && epochsSinceBest >= config.earlyStoppingPatience();
        String stopReason = stoppedEarly ? "early stopping" : "completed";
        int lastEpoch = stoppedEarly ? epochsDone : config.epochs();
        for (int epoch = epochsDone + 1; epoch <= lastEpoch; epoch++) {
            long epochStart = System.nanoTime();
            double lossSum = 0;
            long correct = 0;
            long counted = 0;
            long epochImages = 0;
            Map<Integer, DataParallel.WorkerRandoms> randoms = Map.of();
            boolean cancelled = false;
            for (int r = 0; r < roundsPerEpoch; r++) {
                if (control.isCancelled()) {
                    cancelled = true;
                    break;
                }
                int first = r * settings.stepsPerRound();
                int steps = Math.min(settings.stepsPerRound(), stepsPerEpoch - first);
                double[] rates = new double[steps];
                for (int s = 0; s < steps; s++) {
                    rates[s] = lr.rateAt(iteration + s);
                }
                long roundStart = System.nanoTime();
                DataParallel.RoundSum sum = workers.run(new DataParallel.RoundTask(configJson, labels.size(), classCounts,
                        epoch, first, steps, batchSize, rates, params, updater, iteration, randoms));
                secondsInRounds += (System.nanoTime() - roundStart) / 1e9;
                if (sum.workers() != settings.workers()) {
                    throw new IllegalStateException("round " + (r + 1) + " of epoch " + epoch + " heard from "
                            + sum.workers() + " of " + settings.workers() + " workers");
                }
                rounds++;
                params = sum.meanParams();
                updater = sum.meanUpdater();
                randoms = Map.copyOf(sum.randoms());
                iteration += steps;
                lossSum += sum.lossSum();
                correct += sum.correct();
                counted += sum.counted();
                epochImages += sum.images();
                sessionImages += sum.images();
                double ips = sessionImages / Math.max(1e-9, (System.nanoTime() - sessionStart) / 1e9);
                long remaining = ((long) (config.epochs() - epoch) * stepsPerEpoch + (stepsPerEpoch - first - steps))
                        * batchSize * settings.workers();
                BatchProgress bp = new BatchProgress(epoch, config.epochs(), r + 1, roundsPerEpoch,
                        sum.lossSum() / ((double) steps * sum.workers()),
                        sum.counted() > 0 ? (double) sum.correct() / sum.counted() : Double.NaN, rates[steps - 1], ips,
                        remaining / Math.max(1e-9, ips));
                for (TrainingListener l : listeners) {
                    l.onBatch(bp);
                }
            }
            if (cancelled) {
                stopReason = "cancelled";
                break;
            }
            apply(net, params, updater, iteration);
            float[][] probs = validationData.predict(net, ProgressReporter.NONE);
            double[] valLossAcc = Trainer.lossAndAccuracy(probs, validation.labels());
            lr.onEpochEnd(valLossAcc[1]);
            boolean best = valLossAcc[1] > bestAccuracy;
            if (best) {
                bestAccuracy = valLossAcc[1];
                bestEpoch = epoch;
                epochsSinceBest = 0;
            } else {
                epochsSinceBest++;
            }
            double epochSeconds = (System.nanoTime() - epochStart) / 1e9;
            EpochResult result = new EpochResult(epoch, config.epochs(),
                    lossSum / ((double) stepsPerEpoch * settings.workers()),
                    counted > 0 ? (double) correct / counted : Double.NaN, valLossAcc[0], valLossAcc[1],
                    lr.rateAt(iteration - 1), epochSeconds, epochImages / epochSeconds, best);
            history.add(result);
            LearningRatePolicy.State ls = lr.state();
            double elapsed = elapsedBefore + (System.nanoTime() - sessionStart) / 1e9;
            checkpoints.save(new CheckpointState(CheckpointStore.FORMAT_VERSION, config, labels.names(), fingerprint,
                    epoch, iteration, ls.plateauRate(), ls.bestAccuracy(), ls.epochsWithoutImprovement(), bestEpoch,
                    bestAccuracy, epochsSinceBest, elapsed, null, null, history), net, best);
            for (TrainingListener l : listeners) {
                l.onEpoch(result);
            }
            if (config.earlyStoppingPatience() > 0 && epochsSinceBest >= config.earlyStoppingPatience()) {
                stopReason = "early stopping";
                break;
            }
        }
        if (bestEpoch > 0) {
            checkpoints.restoreBest(net);
        }
        double total = elapsedBefore + (System.nanoTime() - sessionStart) / 1e9;
        TrainingOutcome outcome = new TrainingOutcome(history, bestEpoch, bestAccuracy, stopReason, total);
        for (TrainingListener l : listeners) {
            l.onTrainingEnd(outcome);
        }
        return new Result(new TrainingRun(net, outcome), rounds, bytesPerRound, secondsInRounds);
    }

    private static void apply(FerNetwork net, float[] params, float[] updater, int iteration) {
        net.setParams(Nd4j.createFromArray(params).reshape(1, -1));
        if (updater != null) {
            net.setUpdaterState(Nd4j.createFromArray(updater));
        }
        net.setIterationCount(iteration);
    }

    private void checkResumable(CheckpointState s, ClassLabels labels, String fingerprint, Path dir) throws IOException {
        if (!s.classes().equals(labels.names())) {
            throw new IllegalStateException("the checkpoint was trained on classes " + s.classes() + ", this dataset has "
                    + labels.names());
        }
        if (!s.dataFingerprint().equals(fingerprint)) {
            throw new IllegalStateException("the checkpoint was trained on different data; resume with the same "
                    + "dataset, split and row limit");
        }
        if (!s.config().withEpochs(config.epochs()).withSchedule(config.schedule()).equals(config)) {
            throw new IllegalStateException("the checkpoint was trained with other settings: " + s.config()
                    + "; resume with the same settings (only the epochs and the schedule may change)");
        }
        Path file = dir.resolve(SETTINGS_FILE);
        Settings saved = Files.isRegularFile(file) ? Json.read(file, Settings.class) : null;
        if (!settings.equals(saved)) {
            throw new IllegalStateException("the checkpoint in " + dir + " was trained with " + (saved == null
                    ? "one process" : saved.workers() + " workers and " + saved.stepsPerRound() + " steps a round")
                    + "; resume with the same");
        }
    }
}
