package org.ferstudio.train;

import java.nio.file.Path;

/**
 * One training run in a folder of its own ({@link RunFolders}): the training request, the name the model is
 * trained under and the run's folder, which keeps the checkpoints (so the run can be resumed) and the trained
 * model until the user saves it under a name of their choice.
 */
public record TrainingJob(String modelName, TrainingRequest request, Path runDir) {

    public static final String CHECKPOINTS = "checkpoints";
    public static final String MODEL = "model";

    public Path checkpointDir() {
        return runDir.resolve(CHECKPOINTS);
    }

    public Path modelDir() {
        return runDir.resolve(MODEL);
    }

    /** The same run with another epoch limit: the only setting a resumed run may change. */
    public TrainingJob withEpochs(int epochs) {
        return new TrainingJob(modelName, request.withEpochs(epochs), runDir);
    }
}
