package org.ferstudio.app.training;

import java.util.Locale;

/** How the wizard writes numbers; Locale.ROOT so labels look the same on every system and in tests. */
final class Formats {

    /** Shown for a value that is not known yet. */
    static final String UNKNOWN = "—";

    private Formats() {
    }

    /** "4:05" or "1:02:09"; {@link #UNKNOWN} before the first estimate. */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return UNKNOWN;
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** "91.2%". */
    static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.1f%%", 100 * fraction) : UNKNOWN;
    }

    /** "0.912". */
    static String score(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : UNKNOWN;
    }

    /** "28,709". */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
