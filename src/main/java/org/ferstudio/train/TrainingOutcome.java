package org.ferstudio.train;

import java.util.List;

/**
 * How training ended.
 *
 * @param stopReason "completed", "early stopping", or "cancelled"
 */
public record TrainingOutcome(List<EpochResult> history, int bestEpoch, double bestValidationAccuracy,
                              String stopReason, double trainingSeconds) {

    public TrainingOutcome {
        history = List.copyOf(history);
    }

    public boolean cancelled() {
        return "cancelled".equals(stopReason);
    }
}
