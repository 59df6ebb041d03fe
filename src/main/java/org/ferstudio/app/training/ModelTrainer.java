package org.ferstudio.app.training;

import org.ferstudio.task.ProgressReporter;
import org.ferstudio.train.TrainingJob;
import org.ferstudio.train.TrainingListener;

/**
 * What the wizard asks of training. {@link PipelineTrainer} trains for real; tests use a trainer that
 * emits scripted epochs, so the wizard's behaviour is checked in milliseconds and without a network.
 */
@FunctionalInterface
public interface ModelTrainer {

    /**
     * Trains (or resumes, when {@code job.checkpointDir()} holds the run), evaluates and saves the model
     * into {@code job.modelDir()}. Called on a worker thread; {@code listener} may be called on it.
     *
     * @param control progress of the evaluation, and the cooperative cancel
     * @throws org.ferstudio.task.CancelledException when cancelled; finished epochs stay checkpointed
     */
    TrainingResult train(TrainingJob job, TrainingListener listener, ProgressReporter control) throws Exception;
}
