package org.ferstudio.train;

import java.util.Objects;
import org.ferstudio.data.DataSplits;
import org.ferstudio.data.DatasetSource;
import org.ferstudio.model.ClassLabels;

/**
 * One training run's settings, the one value the command line and the wizard hand to {@link TrainingPipeline}:
 * the data (its class labels, its splits and the file it came from) and the configuration.
 *
 * @param source where the data came from, for the model card (null when unknown)
 */
public record TrainingRequest(ClassLabels labels, DataSplits splits, DatasetSource source, TrainingConfig config) {

    public TrainingRequest {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(splits, "splits");
        Objects.requireNonNull(config, "config");
    }

    /** The same data with other settings, for example a resumed run's own, read from its checkpoint. */
    public TrainingRequest withConfig(TrainingConfig other) {
        return new TrainingRequest(labels, splits, source, other);
    }

    /** The same run with another epoch limit: the only setting a resumed run may change besides the schedule. */
    public TrainingRequest withEpochs(int epochs) {
        return withConfig(config.withEpochs(epochs));
    }
}
