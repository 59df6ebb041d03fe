package org.ferstudio.train;

import org.ferstudio.data.AugmentationConfig;
import org.ferstudio.nets.OptimizerSettings;

/**
 * Everything that decides how a model is trained. Saved with every checkpoint (so a resume continues
 * with the same settings) and in the model card.
 *
 * @param earlyStoppingPatience epochs without a better validation accuracy before stopping (0 = never)
 * @param labelSmoothing        share of the target mass spread evenly over all classes (0 = off)
 */
public record TrainingConfig(
        String architecture,
        int epochs,
        int batchSize,
        OptimizerSettings optimizer,
        LrSchedule schedule,
        int plateauPatience,
        double plateauFactor,
        double minLearningRate,
        double labelSmoothing,
        int earlyStoppingPatience,
        AugmentationConfig augmentation,
        ClassBalancing balancing,
        long seed) {

    public TrainingConfig {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        if (plateauPatience < 1) {
            throw new IllegalArgumentException("plateau patience must be >= 1, got " + plateauPatience);
        }
        if (!(plateauFactor > 0 && plateauFactor < 1)) {
            throw new IllegalArgumentException("plateau factor must be in (0, 1), got " + plateauFactor);
        }
        if (minLearningRate < 0 || minLearningRate > optimizer.learningRate()) {
            throw new IllegalArgumentException("minimum learning rate must be in [0, " + optimizer.learningRate()
                    + "], got " + minLearningRate);
        }
        if (labelSmoothing < 0 || labelSmoothing >= 1) {
            throw new IllegalArgumentException("label smoothing must be in [0, 1), got " + labelSmoothing);
        }
        if (earlyStoppingPatience < 0) {
            throw new IllegalArgumentException("early-stopping patience must be >= 0, got " + earlyStoppingPatience);
        }
    }

    /** Defaults that work for the 3-block CNN on FER2013. */
    public static TrainingConfig defaults() {
        return new TrainingConfig("cnn3", 60, 64, OptimizerSettings.adam(1e-3), LrSchedule.PLATEAU, 4, 0.5,
                1e-5, 0.0, 12, AugmentationConfig.standard(), ClassBalancing.NONE, 42);
    }

    public TrainingConfig withEpochs(int n) {
        return new TrainingConfig(architecture, n, batchSize, optimizer, schedule, plateauPatience, plateauFactor,
                minLearningRate, labelSmoothing, earlyStoppingPatience, augmentation, balancing, seed);
    }
}
