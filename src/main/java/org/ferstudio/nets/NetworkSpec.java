package org.ferstudio.nets;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * What an architecture needs to build a network.
 *
 * @param numClasses   size of the softmax output
 * @param seed         weight-initialisation seed
 * @param optimizer    updater baked into the configuration
 * @param classWeights per-class loss weights (empty = unweighted), e.g. to counter FER2013's 436
 *                     Disgust images
 */
public record NetworkSpec(int numClasses, long seed, OptimizerSettings optimizer, List<Double> classWeights) {

    public NetworkSpec {
        classWeights = List.copyOf(classWeights);
        if (numClasses < 2) {
            throw new IllegalArgumentException("at least two classes are needed, got " + numClasses);
        }
        if (!classWeights.isEmpty() && classWeights.size() != numClasses) {
            throw new IllegalArgumentException(
                    "class weights: " + classWeights.size() + " values for " + numClasses + " classes");
        }
    }

    /** For inference-only builds (loading a saved model): the optimiser is irrelevant. */
    public static NetworkSpec forInference(int numClasses) {
        return new NetworkSpec(numClasses, 0, OptimizerSettings.adam(1e-3), List.of());
    }

    /** Cross-entropy for the softmax output, weighted per class when class weights are given. */
    LossMCXENT loss() {
        if (classWeights.isEmpty()) {
            return new LossMCXENT();
        }
        double[] w = classWeights.stream().mapToDouble(Double::doubleValue).toArray();
        return new LossMCXENT(Nd4j.create(w).castTo(DataType.FLOAT));
    }
}
