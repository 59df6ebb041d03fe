package org.ferstudio.train;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ferstudio.data.FaceImages;

/**
 * The values synchronous data-parallel training exchanges, and the interface to whatever runs the workers (Spark
 * in {@code org.ferstudio.spark}). Each round the driver sends the parameters, the optimiser state and each
 * worker's random streams; every worker trains {@code steps} mini-batches on its shard and sends back its
 * parameters and optimiser state; the driver averages both. With one worker and one step a round the sequence of
 * updates is the single-process {@link Trainer}'s, exactly (see {@link ShardWorker}).
 */
public final class DataParallel {

    private DataParallel() {
    }

    /** Runs the workers: a Spark job, or anything else that calls {@link ShardWorker#train} on each shard. */
    public interface Workers {

        /** Hands every worker its shard of the training images, once per run. */
        void distribute(List<FaceImages> shards);

        /** One round on every worker, with the sums of their results. */
        RoundSum run(RoundTask task);
    }

    /**
     * One round's work.
     *
     * @param configJson     the run's {@link TrainingConfig} as JSON (a record that does not travel by itself)
     * @param classCounts    images per class over all shards, for class weights
     * @param firstStep      the round's first mini-batch within the epoch (0-based); 0 re-seeds the random streams
     * @param batchSize      images per mini-batch on each worker
     * @param rates          the learning rate of each of the round's steps
     * @param iterationCount optimiser iterations done so far (Adam's bias correction)
     * @param randoms        each worker's random streams after the previous round of the epoch; empty at its start
     */
    public record RoundTask(String configJson, int numClasses, int[] classCounts, int epoch, int firstStep, int steps,
                            int batchSize, double[] rates, float[] params, float[] updater, int iterationCount,
                            Map<Integer, WorkerRandoms> randoms) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** A worker's random streams: ND4J's (dropout) and the augmentation's. */
    public record WorkerRandoms(long nd4jRoot, long nd4jNode, CarriedRandom.State augmentation) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** One worker's result for a round. */
    public record WorkerUpdate(int worker, float[] params, float[] updater, double lossSum, long correct, long counted,
                               long images, WorkerRandoms randoms) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * The sum of the workers' updates, built by tree aggregation: parameters and optimiser state added up (the
     * driver divides by {@link #workers()}), the random streams collected per worker.
     */
    public static final class RoundSum implements Serializable {

        private static final long serialVersionUID = 1L;

        private float[] params;
        private float[] updater;
        private int workers;
        private double lossSum;
        private long correct;
        private long counted;
        private long images;
        private final TreeMap<Integer, WorkerRandoms> randoms = new TreeMap<>();

        public RoundSum add(WorkerUpdate u) {
            params = addInto(params, u.params());
            updater = addInto(updater, u.updater());
            workers++;
            lossSum += u.lossSum();
            correct += u.correct();
            counted += u.counted();
            images += u.images();
            randoms.put(u.worker(), u.randoms());
            return this;
        }

        public RoundSum merge(RoundSum o) {
            params = addInto(params, o.params);
            updater = addInto(updater, o.updater);
            workers += o.workers;
            lossSum += o.lossSum;
            correct += o.correct;
            counted += o.counted;
            images += o.images;
            randoms.putAll(o.randoms);
            return this;
        }

        private static float[] addInto(float[] sum, float[] values) {
            if (values == null) {
                return sum;
            }
            if (sum == null) {
                return values.clone();
            }
            for (int i = 0; i < sum.length; i++) {
                sum[i] += values[i];
            }
            return sum;
        }

        public int workers() {
            return workers;
        }

        /** Mean parameters over the workers. */
        float[] meanParams() {
            return divided(params);
        }

        /** Mean optimiser state, or null for an optimiser without one. */
        float[] meanUpdater() {
            return updater == null ? null : divided(updater);
        }

        private float[] divided(float[] sum) {
            float[] mean = sum.clone();
            for (int i = 0; i < mean.length; i++) {
                mean[i] /= workers;
            }
            return mean;
        }

        double lossSum() {
            return lossSum;
        }

        long correct() {
            return correct;
        }

        long counted() {
            return counted;
        }

        long images() {
            return images;
        }

        Map<Integer, WorkerRandoms> randoms() {
            return randoms;
        }
    }
}
