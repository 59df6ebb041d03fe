package org.ferstudio.train;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.ferstudio.data.FaceImages;
import org.ferstudio.nets.Architectures;
import org.ferstudio.nets.FerNetwork;
import org.ferstudio.nets.NetworkSpec;
import org.ferstudio.nets.TrainStep;
import org.ferstudio.store.ArrayFile;
import org.ferstudio.io.Json;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A data-parallel worker's round: the driver's parameters and optimiser state in, {@code steps} mini-batches of its
 * shard trained exactly as {@link Trainer} trains them (the epoch's order of the shard, the augmentation, label
 * smoothing, the learning rate of each step, dropout), the new parameters and state out. Worker 0 uses the
 * trainer's own random seeds, so one worker over the whole set replays a single-process run. The network is built
 * once per JVM and configuration and reused by later rounds; one task uses it at a time.
 */
public final class ShardWorker {

    private static final Map<String, ConcurrentLinkedDeque<FerNetwork>> NETWORKS = new ConcurrentHashMap<>();

    private ShardWorker() {
    }

    public static DataParallel.WorkerUpdate train(FaceImages shard, int worker, DataParallel.RoundTask task) {
        String key = task.configJson() + "/" + task.numClasses() + "/" + java.util.Arrays.toString(task.classCounts());
        ConcurrentLinkedDeque<FerNetwork> pool = NETWORKS.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>());
        TrainingConfig config;
        try {
            config = Json.fromJson(task.configJson(), TrainingConfig.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("the round's training settings do not parse", e);
        }
        FerNetwork net = pool.pollFirst();
        if (net == null) {
            net = Architectures.byId(config.architecture()).build(spec(config, task.numClasses(), task.classCounts()));
        }
        try {
            return trainSteps(net, config, shard, worker, task);
        } finally {
            pool.addFirst(net);
        }
    }

    /** The network's specification, as {@link Trainer#networkSpec} makes it from the whole training set's labels. */
    static NetworkSpec spec(TrainingConfig config, int numClasses, int[] classCounts) {
        List<Double> weights = config.balancing() == ClassBalancing.WEIGHTS ? EpochOrder.classWeights(classCounts) : List.of();
        return new NetworkSpec(numClasses, config.seed(), config.optimizer(), weights);
    }

    /** Worker 0 has the run's seed; the others a seed of their own. */
    static long workerSeed(long seed, int worker) {
        return worker == 0 ? seed : Trainer.mix(seed, worker, 7);
    }

    private static DataParallel.WorkerUpdate trainSteps(FerNetwork net, TrainingConfig config, FaceImages shard,
                                                        int worker, DataParallel.RoundTask task) {
        long seed = workerSeed(config.seed(), worker);
        Random nd4j = Nd4j.getRandom();
        CarriedRandom rng;
        DataParallel.WorkerRandoms carried = task.randoms().get(worker);
        if (task.firstStep() == 0) {
            nd4j.setSeed(Trainer.mix(seed, task.epoch(), 1));
            rng = new CarriedRandom(Trainer.mix(seed, task.epoch(), 2));
        } else if (carried != null) {
            nd4j.setStates(carried.nd4jRoot(), carried.nd4jNode());
            rng = new CarriedRandom(carried.augmentation());
        } else {
            throw new IllegalStateException("worker " + worker + " got no random state for step " + task.firstStep()
                    + " of epoch " + task.epoch());
        }
        double rateSet = task.rates()[0];
        net.setLearningRate(rateSet);
        net.setParams(Nd4j.createFromArray(task.params()).reshape(1, -1));
        if (task.updater() != null) {
            net.setUpdaterState(Nd4j.createFromArray(task.updater()));
        }
        net.setIterationCount(task.iterationCount());
        int[] order = EpochOrder.forEpoch(config.balancing(), shard.labels(), task.numClasses(), seed, task.epoch());
        ImageEpochData data = new ImageEpochData(shard, config.augmentation());
        int batchSize = task.batchSize();
        double lossSum = 0;
        long correct = 0;
        long counted = 0;
        for (int s = 0; s < task.steps(); s++) {
            DataSet batch = data.batch(order, (task.firstStep() + s) * batchSize, batchSize, task.numClasses(),
                    config.labelSmoothing(), rng);
            if (task.rates()[s] != rateSet) {
                rateSet = task.rates()[s];
                net.setLearningRate(rateSet);
            }
            TrainStep step = net.fit(batch);
            lossSum += step.loss();
            if (step.correct() >= 0) {
                correct += step.correct();
                counted += batchSize;
            }
        }
        float[] updater = net.updaterState() == null ? null : ArrayFile.toFloats(net.updaterState());
        return new DataParallel.WorkerUpdate(worker, ArrayFile.toFloats(net.params()), updater, lossSum, correct, counted,
                (long) task.steps() * batchSize, new DataParallel.WorkerRandoms(nd4j.rootState(), nd4j.nodeState(), rng.state()));
    }
}
