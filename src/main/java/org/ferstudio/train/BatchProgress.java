package org.ferstudio.train;

/**
 * One mini-batch done.
 *
 * @param epoch          1-based
 * @param batch          1-based within the epoch
 * @param loss           the batch's training loss
 * @param accuracy       share of this batch classified right during its training forward pass
 * @param imagesPerSecond training throughput over the epoch so far
 * @param etaSeconds     estimated time to the end of all planned epochs
 */
public record BatchProgress(int epoch, int epochs, int batch, int batches, double loss, double accuracy,
                            double learningRate, double imagesPerSecond, double etaSeconds) {

    /** Fraction of the planned training done, 0..1. */
    public double overallFraction() {
        return ((epoch - 1) + (double) batch / batches) / epochs;
    }
}
