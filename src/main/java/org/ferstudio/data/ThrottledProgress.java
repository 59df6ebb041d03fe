package org.ferstudio.data;

import java.util.Locale;
import org.ferstudio.task.ProgressReporter;

/**
 * Passes progress on about every 1% so a 36,000-row read does not flood a GUI with updates, and checks for
 * cancel on every call so stopping stays quick.
 */
final class ThrottledProgress {

    private static final double STEP = 0.01;

    private final ProgressReporter reporter;
    private final String activity;
    private final String unit;
    private double lastReported = -1;

    ThrottledProgress(ProgressReporter reporter, String activity, String unit) {
        this.reporter = reporter;
        this.activity = activity;
        this.unit = unit;
    }

    /** @throws org.ferstudio.task.CancelledException when cancel was asked for */
    void update(double fraction, long itemsDone) {
        reporter.checkCancelled();
        if (fraction - lastReported >= STEP) {
            lastReported = fraction;
            reporter.report(Math.min(1.0, fraction), message(itemsDone));
        }
    }

    void done(long itemsDone) {
        reporter.report(1.0, message(itemsDone));
    }

    private String message(long itemsDone) {
        return String.format(Locale.ROOT, "%s: %,d %s", activity, itemsDone, unit);
    }
}
