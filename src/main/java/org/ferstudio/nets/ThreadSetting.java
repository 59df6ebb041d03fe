package org.ferstudio.nets;

import java.util.Optional;

/**
 * The compute-thread setting, OMP_NUM_THREADS (set by {@code ./fer-studio --threads N}), checked before the
 * native backend reads it: the backend takes "abc" as a failed start and 0 as one thread after a warning.
 */
public final class ThreadSetting {

    public static final String VARIABLE = "OMP_NUM_THREADS";

    private ThreadSetting() {
    }

    /** What is wrong with {@code value} (the variable's text, null when unset); empty when it is usable. */
    public static Optional<String> problem(String value) {
        if (value == null || value.matches("[1-9][0-9]{0,5}")) {
            return Optional.empty();
        }
        return Optional.of(VARIABLE + " (the compute threads; ./fer-studio --threads N sets it) must be a whole "
                + "number from 1 to 999999, got '" + value + "'");
    }
}
