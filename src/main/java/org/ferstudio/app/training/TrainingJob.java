package org.ferstudio.app.training;

import java.nio.file.Path;
import org.ferstudio.data.DataSplits;
import org.ferstudio.data.DatasetSource;
import org.ferstudio.model.ClassLabels;
import org.ferstudio.train.TrainingConfig;

/**
 * One training run as the trainer sees it: a plan, the name the model is trained under and the run's
 * own folder, which keeps the checkpoints (so the run can be resumed) and the trained model until the
 * user saves it under a name of their choice.
 */
public record TrainingJob(String modelName, TrainingPlan plan, Path runDir) {

    public static final String CHECKPOINTS = "checkpoints";
    public static final String MODEL = "model";

    public ClassLabels labels() {
        return plan.labels();
    }

    public DataSplits splits() {
        return plan.splits();
    }

    public DatasetSource source() {
        return plan.source();
    }

    public TrainingConfig config() {
        return plan.config();
    }

    public Path checkpointDir() {
        return runDir.resolve(CHECKPOINTS);
    }

    public Path modelDir() {
        return runDir.resolve(MODEL);
    }

    /** The same run with another epoch limit: the only setting a resumed run may change. */
    public TrainingJob withEpochs(int epochs) {
        return new TrainingJob(modelName, new TrainingPlan(plan.labels(), plan.splits(), plan.source(),
                plan.config().withEpochs(epochs)), runDir);
    }
}
