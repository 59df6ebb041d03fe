package org.ferstudio.train;

/**
 * One epoch done and validated.
 *
 * @param best whether this epoch has the best validation accuracy so far (and was checkpointed as best)
 */
public record EpochResult(int epoch, int epochs, double trainLoss, double trainAccuracy, double validationLoss,
                          double validationAccuracy, double learningRate, double seconds, double imagesPerSecond,
                          boolean best) {
}
