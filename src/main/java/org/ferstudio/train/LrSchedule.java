package org.ferstudio.train;

import java.util.Locale;

/** How the learning rate changes during training. */
public enum LrSchedule {
    /** Constant learning rate. */
    CONSTANT,
    /** Multiply by a factor when validation accuracy stops improving for some epochs. */
    PLATEAU,
    /** Cosine decay from the initial rate to the minimum over all planned iterations. */
    COSINE;

    public static LrSchedule parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown LR schedule '" + s + "'; use constant, plateau or cosine", e);
        }
    }
}
