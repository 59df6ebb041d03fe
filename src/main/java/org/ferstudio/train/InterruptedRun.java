package org.ferstudio.train;

import java.nio.file.Path;

/**
 * A run folder whose checkpoints hold finished epochs but which holds no trained model: the run was cancelled,
 * failed or the app was closed before it ended. It can be resumed with the data it was trained on. How it is
 * shown is the app's business (the training step describes it).
 *
 * @param runDir the run's folder (its name is the model name the run trains under)
 * @param state  what its last checkpoint records: settings, classes, epochs done, best epoch
 */
public record InterruptedRun(Path runDir, CheckpointState state) {

    public String name() {
        return runDir.getFileName().toString();
    }

    public int epochsDone() {
        return state.epochsDone();
    }

    /** The epoch limit the run was started with. */
    public int plannedEpochs() {
        return state.config().epochs();
    }

    public double bestValidationAccuracy() {
        return state.bestValidationAccuracy();
    }

    public int bestEpoch() {
        return state.bestEpoch();
    }
}
