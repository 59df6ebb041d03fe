package org.ferstudio.nets;

import java.util.Locale;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;

/**
 * The optimiser a network is built with. DL4J bakes the updater into the network configuration, so
 * architectures receive it at build time; the learning rate is changed per epoch by the trainer.
 *
 * @param type         "adam" or "sgd" (SGD with Nesterov momentum)
 * @param learningRate initial learning rate
 * @param momentum     Nesterov momentum for "sgd" (ignored by Adam)
 * @param weightDecay  L2 penalty on weights (0 = none)
 */
public record OptimizerSettings(String type, double learningRate, double momentum, double weightDecay) {

    public OptimizerSettings {
        type = type.toLowerCase(Locale.ROOT);
        if (!type.equals("adam") && !type.equals("sgd")) {
            throw new IllegalArgumentException("optimizer must be adam or sgd, got '" + type + "'");
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
        }
        if (momentum < 0 || momentum >= 1) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        if (weightDecay < 0) {
            throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
        }
    }

    public static OptimizerSettings adam(double learningRate) {
        return new OptimizerSettings("adam", learningRate, 0.9, 0);
    }

    IUpdater toUpdater() {
        return type.equals("adam") ? new Adam(learningRate) : new Nesterovs(learningRate, momentum);
    }
}
