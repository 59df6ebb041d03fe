package org.ferstudio.train;

/**
 * What the trainer tells the outside world. The console progress bar, the GUI's charts and the
 * checkpoint writer are separate listeners, not code inside the loop. Called on the training thread.
 */
public interface TrainingListener {

    default void onTrainingStart(TrainingStart start) {
    }

    default void onBatch(BatchProgress progress) {
    }

    default void onEpoch(EpochResult epoch) {
    }

    default void onTrainingEnd(TrainingOutcome outcome) {
    }
}
