package org.ferstudio.infer.video;

/**
 * Decides on which frames to run face detection; on the others the tracked boxes are only re-classified,
 * which costs a fraction of a detection. A fixed interval is obeyed as given. In automatic mode the
 * interval is the smallest of 1..{@value #MAX_AUTO_INTERVAL} whose mean cost per frame, estimated from
 * the measured times of both kinds of frame, fits in the frame budget (1000 / source fps): detect on
 * every frame while that keeps up, otherwise every 2nd or 3rd. Not thread-safe.
 */
final class DetectionSchedule {

    static final int MAX_AUTO_INTERVAL = 3;
    private static final double EMA_WEIGHT = 0.2;

    private final boolean auto;
    private final double budgetMs;
    private int interval;
    private int sinceDetection = -1;
    private double detectMs = Double.NaN;
    private double classifyMs = Double.NaN;

    /**
     * @param every    detect on every Nth frame; 0 chooses automatically
     * @param budgetMs time per frame the source allows (1000 / fps), used in automatic mode
     */
    DetectionSchedule(int every, double budgetMs) {
        if (every < 0) {
            throw new IllegalArgumentException("detection interval must be 0 (automatic) or more, got " + every);
        }
        this.auto = every == 0;
        this.interval = auto ? 1 : every;
        this.budgetMs = budgetMs;
    }

    /** Whether the next frame runs detection; the first frame always does. */
    boolean detectNext() {
        boolean detect = sinceDetection < 0 || sinceDetection + 1 >= interval;
        sinceDetection = detect ? 0 : sinceDetection + 1;
        return detect;
    }

    /** Records how long a frame took, and in automatic mode adapts the interval. */
    void record(boolean detected, double millis) {
        if (detected) {
            detectMs = ema(detectMs, millis);
        } else {
            classifyMs = ema(classifyMs, millis);
        }
        if (auto) {
            interval = chooseInterval();
        }
    }

    int interval() {
        return interval;
    }

    private int chooseInterval() {
        // before a re-classification frame has been timed, assume it is free: trying a longer interval
        // is how its cost gets measured at all
        double classify = Double.isNaN(classifyMs) ? 0 : classifyMs;
        for (int n = 1; n < MAX_AUTO_INTERVAL; n++) {
            if ((detectMs + (n - 1) * classify) / n <= budgetMs) {
                return n;
            }
        }
        return MAX_AUTO_INTERVAL;
    }

    private static double ema(double mean, double value) {
        return Double.isNaN(mean) ? value : mean + EMA_WEIGHT * (value - mean);
    }
}
