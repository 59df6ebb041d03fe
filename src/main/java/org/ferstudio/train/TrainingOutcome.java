package org.ferstudio.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How training ended.
 *
 * @param stopReason  "completed", "early stopping", or "cancelled"
 * @param bestWeights which weights of the best epoch the run returns: "raw" (the trained ones) or "ema" (their
 *                    moving average, when it validated better); null when the run kept no average
 */
public record TrainingOutcome(List<EpochResult> history, int bestEpoch, double bestValidationAccuracy,
                              String stopReason, double trainingSeconds,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String bestWeights) {

    public TrainingOutcome {
        history = List.copyOf(history);
    }

    /** The outcome of a run without a weight average. */
    public TrainingOutcome(List<EpochResult> history, int bestEpoch, double bestValidationAccuracy, String stopReason,
                           double trainingSeconds) {
        this(history, bestEpoch, bestValidationAccuracy, stopReason, trainingSeconds, null);
    }

    public boolean cancelled() {
        return "cancelled".equals(stopReason);
    }
}
