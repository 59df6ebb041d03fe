package org.ferstudio.train;

import java.util.List;
import org.ferstudio.data.BalancedSampler;

/** The order in which an epoch visits the training images, per the configured class balancing. */
final class EpochOrder {

    private EpochOrder() {
    }

    static int[] forEpoch(ClassBalancing balancing, int[] trainLabels, int numClasses, long seed, int epoch) {
        return balancing == ClassBalancing.SAMPLING
                ? BalancedSampler.balancedOrder(trainLabels, numClasses, seed, epoch)
                : BalancedSampler.shuffledOrder(trainLabels.length, seed, epoch);
    }

    static List<Double> classWeights(int[] counts) {
        double[] w = BalancedSampler.classWeights(counts);
        return java.util.Arrays.stream(w).boxed().toList();
    }
}
