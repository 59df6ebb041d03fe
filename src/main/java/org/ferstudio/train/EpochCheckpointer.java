package org.ferstudio.train;

import java.io.IOException;
import java.util.List;
import org.ferstudio.model.ClassLabels;
import org.ferstudio.nets.FerNetwork;

/**
 * The checkpointing the trainer calls after every epoch: the run's state (settings, classes, data fingerprint,
 * schedule and best-epoch bookkeeping, history) and the network's weights, so that a cancelled or crashed run
 * resumes where it was.
 */
final class EpochCheckpointer {

    private final CheckpointStore store;
    private final TrainingConfig config;
    private final ClassLabels labels;
    private final String fingerprint;

    EpochCheckpointer(CheckpointStore store, TrainingConfig config, ClassLabels labels, String fingerprint) {
        this.store = store;
        this.config = config;
        this.labels = labels;
        this.fingerprint = fingerprint;
    }

    /**
     * @param average     the run's weight average, or null
     * @param bestWeights "raw" or "ema": which weights the best epoch keeps (null without an average)
     */
    void save(int epoch, int iteration, LearningRatePolicy.State lr, int bestEpoch, double bestAccuracy,
              int epochsSinceBest, double elapsedSeconds, List<EpochResult> history, FerNetwork net, boolean best,
              WeightAverage average, String bestWeights) throws IOException {
        store.save(new CheckpointState(CheckpointStore.FORMAT_VERSION, config, labels.names(), fingerprint,
                epoch, iteration, lr.plateauRate(), lr.bestAccuracy(), lr.epochsWithoutImprovement(),
                bestEpoch, bestAccuracy, epochsSinceBest, elapsedSeconds, null, null, history, null, bestWeights),
                net, best, average, best && WeightAverage.EMA.equals(bestWeights));
    }
}
