package org.ferstudio.task;

/**
 * Where long work reports how far it got, and asks whether it should stop. Implemented by the CLI
 * progress bar and by the GUI's task executor; {@link #NONE} for callers that do not care.
 */
public interface ProgressReporter {

    ProgressReporter NONE = (fraction, message) -> { };

    /** @param fraction 0..1, or a negative value when the amount of work is unknown */
    void report(double fraction, String message);

    /** Cooperative cancel: long loops check this between units of work. */
    default boolean isCancelled() {
        return false;
    }

    /** Throws {@link CancelledException} when cancel was asked for. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }
}
