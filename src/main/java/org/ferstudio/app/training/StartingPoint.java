package org.ferstudio.app.training;

import org.ferstudio.app.common.ModelChoice;
import org.ferstudio.train.TrainingConfig;

/**
 * What a run's network starts from: random weights, or a trained model of the same architecture to fine-tune.
 *
 * @param model the model to start from, or null for random weights
 */
public record StartingPoint(String label, TrainingConfig.StartingModel model) {

    public static final StartingPoint RANDOM = new StartingPoint("Random weights (train from scratch)", null);

    /** The trained model {@code choice}, named as the model picker names it. */
    static StartingPoint of(ModelChoice choice) {
        return new StartingPoint(choice.displayName(), new TrainingConfig.StartingModel(choice.card().name(),
                choice.folder().toAbsolutePath().normalize().toString(), choice.card().weights().sha256()));
    }

    @Override
    public String toString() {
        return label;
    }
}
