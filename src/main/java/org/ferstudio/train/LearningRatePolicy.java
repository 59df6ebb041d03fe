package org.ferstudio.train;

/**
 * Applies a {@link LrSchedule}: the trainer asks it for the rate before each batch and tells it each
 * epoch's validation accuracy. Its state is part of a checkpoint.
 */
final class LearningRatePolicy {

    private static final double MIN_IMPROVEMENT = 1e-4;

    private final TrainingConfig config;
    private final long totalIterations;
    private double plateauRate;
    private double bestAccuracy = Double.NEGATIVE_INFINITY;
    private int epochsWithoutImprovement;

    LearningRatePolicy(TrainingConfig config, long iterationsPerEpoch) {
        this.config = config;
        this.totalIterations = Math.max(1, iterationsPerEpoch * config.epochs());
        this.plateauRate = config.optimizer().learningRate();
    }

    /** The rate for a global iteration number (0-based). */
    double rateAt(long iteration) {
        double initial = config.optimizer().learningRate();
        return switch (config.schedule()) {
            case CONSTANT -> initial;
            case PLATEAU -> plateauRate;
            case COSINE -> {
                double progress = Math.min(1.0, (double) iteration / totalIterations);
                double min = config.minLearningRate();
                yield min + 0.5 * (initial - min) * (1 + Math.cos(Math.PI * progress));
            }
        };
    }

    /** Called after each epoch's validation; lowers the plateau rate when accuracy stalls. */
    void onEpochEnd(double validationAccuracy) {
        if (validationAccuracy > bestAccuracy + MIN_IMPROVEMENT) {
            bestAccuracy = validationAccuracy;
            epochsWithoutImprovement = 0;
        } else {
            epochsWithoutImprovement++;
            if (config.schedule() == LrSchedule.PLATEAU && epochsWithoutImprovement >= config.plateauPatience()) {
                plateauRate = Math.max(config.minLearningRate(), plateauRate * config.plateauFactor());
                epochsWithoutImprovement = 0;
            }
        }
    }

    State state() {
        return new State(plateauRate, bestAccuracy, epochsWithoutImprovement);
    }

    void restore(State s) {
        plateauRate = s.plateauRate();
        bestAccuracy = s.bestAccuracy();
        epochsWithoutImprovement = s.epochsWithoutImprovement();
    }

    /** What a checkpoint stores of the policy. */
    record State(double plateauRate, double bestAccuracy, int epochsWithoutImprovement) {
    }
}
