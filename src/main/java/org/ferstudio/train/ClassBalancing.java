package org.ferstudio.train;

import java.util.Locale;

/** How training counters class imbalance (FER2013 has 436 Disgust images against 7,215 Happy). */
public enum ClassBalancing {
    /** Plain shuffled epochs. */
    NONE,
    /** Inverse-frequency weights in the loss. */
    WEIGHTS,
    /** Epochs sampled so that every class is drawn equally often. */
    SAMPLING;

    public static ClassBalancing parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown class balancing '" + s + "'; use none, weights or sampling", e);
        }
    }
}
