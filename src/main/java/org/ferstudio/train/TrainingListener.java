package org.ferstudio.train;

import java.util.List;
import org.ferstudio.task.ProgressReporter;

/**
 * What the trainer tells the outside world. The console progress bar and the GUI's charts are separate
 * listeners, not code inside the loop; checkpointing and early stopping are policies the loop calls
 * ({@link EpochCheckpointer}, {@link EarlyStopping}). Called on the training thread.
 */
public interface TrainingListener {

    /**
     * A transfer architecture begins a training stage (head on cached features, fine-tuning); the stage's
     * own start, batch and epoch events follow.
     */
    default void onStage(String description) {
    }

    /** Work before a stage, such as computing a pretrained base's features; {@code fraction} runs 0..1. */
    default void onPreparing(String task, double fraction, String message) {
    }

    default void onTrainingStart(TrainingStart start) {
    }

    default void onBatch(BatchProgress progress) {
    }

    default void onEpoch(EpochResult epoch) {
    }

    default void onTrainingEnd(TrainingOutcome outcome) {
    }

    /**
     * Work before training (feature extraction, teacher probabilities) as a progress reporter: reports go to
     * {@link #onPreparing} of each listener, and it stops when {@code control} is cancelled.
     */
    static ProgressReporter preparing(List<TrainingListener> listeners, String task,
                                                          ProgressReporter control) {
        return new ProgressReporter() {
            @Override
            public void report(double fraction, String message) {
                listeners.forEach(l -> l.onPreparing(task, fraction, message));
            }

            @Override
            public boolean isCancelled() {
                return control.isCancelled();
            }
        };
    }
}
