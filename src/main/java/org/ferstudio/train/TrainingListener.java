package org.ferstudio.train;

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
}
