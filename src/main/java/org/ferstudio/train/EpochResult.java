package org.ferstudio.train;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One epoch done and validated.
 *
 * @param validationAccuracy    the trained (raw) weights' validation accuracy
 * @param best                  whether this epoch has the best validation accuracy so far, of the raw weights or
 *                              of their average (and was checkpointed as best)
 * @param averageValidationLoss the weight average's validation loss (null when the run keeps no average)
 * @param averageValidationAccuracy the weight average's validation accuracy (null when the run keeps no average)
 */
public record EpochResult(int epoch, int epochs, double trainLoss, double trainAccuracy, double validationLoss,
                          double validationAccuracy, double learningRate, double seconds, double imagesPerSecond,
                          boolean best,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Double averageValidationLoss,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Double averageValidationAccuracy) {

    /** An epoch of a run without a weight average. */
    public EpochResult(int epoch, int epochs, double trainLoss, double trainAccuracy, double validationLoss,
                       double validationAccuracy, double learningRate, double seconds, double imagesPerSecond,
                       boolean best) {
        this(epoch, epochs, trainLoss, trainAccuracy, validationLoss, validationAccuracy, learningRate, seconds,
                imagesPerSecond, best, null, null);
    }
}
