package org.ferstudio.app.training;

import java.nio.file.Path;
import org.ferstudio.train.CheckpointState;

/**
 * A run folder whose checkpoints hold finished epochs but which holds no trained model: the run was cancelled,
 * failed or the app was closed before it ended. It can be resumed with the data it was trained on.
 *
 * @param runDir the run's folder (its name is the model name the run trains under)
 * @param state  what its last checkpoint records: settings, classes, epochs done, best epoch
 */
public record InterruptedRun(Path runDir, CheckpointState state) {

    public String name() {
        return runDir.getFileName().toString();
    }

    /** "cnn3-fer2013-20251203-0215: epoch 5 of 30 done, best validation 55.2% (epoch 4)". */
    @Override
    public String toString() {
        return name() + ": epoch " + state.epochsDone() + " of " + state.config().epochs() + " done, best validation "
                + Formats.percent(state.bestValidationAccuracy()) + " (epoch " + state.bestEpoch() + ")";
    }
}
