package org.ferstudio.app.training;

/**
 * Exponential moving average of the batch loss, so the curve shows the trend rather than the noise of
 * single batches. Bias-corrected as in Adam (and TensorBoard's smoothing): dividing by
 * {@code 1 - weight^n} keeps the first points from being pulled towards the average's start value 0.
 */
final class LossSmoother {

    private final double weight;
    private double average;
    private int count;

    /** @param weight the share of the history in each new value, in [0, 1); 0 = no smoothing */
    LossSmoother(double weight) {
        if (weight < 0 || weight >= 1) {
            throw new IllegalArgumentException("weight must be in [0, 1), got " + weight);
        }
        this.weight = weight;
    }

    /** Adds one batch loss and returns the smoothed value; NaN or infinite losses are left out. */
    double add(double loss) {
        if (Double.isFinite(loss)) {
            count++;
            average = weight * average + (1 - weight) * loss;
        }
        return value();
    }

    /** The smoothed loss so far; NaN before the first finite loss. */
    double value() {
        return count == 0 ? Double.NaN : average / (1 - Math.pow(weight, count));
    }

    void reset() {
        average = 0;
        count = 0;
    }
}
