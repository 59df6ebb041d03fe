package org.ferstudio.app.training;

/** Where the training step is. */
public enum TrainingState {
    /** Nothing started yet in this wizard. */
    READY,
    RUNNING,
    /** Cancel asked for; the trainer stops after the current batch. */
    CANCELLING,
    /** Stopped by the user; finished epochs are checkpointed and the run can be resumed. */
    CANCELLED,
    /** Stopped by an error; finished epochs are checkpointed and the run can be resumed. */
    FAILED,
    /** Trained, evaluated and saved in the run's folder. */
    FINISHED;

    public boolean isActive() {
        return this == RUNNING || this == CANCELLING;
    }

    public boolean isResumable() {
        return this == CANCELLED || this == FAILED;
    }
}
