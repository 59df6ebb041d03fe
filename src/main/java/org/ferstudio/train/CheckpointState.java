package org.ferstudio.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a checkpoint folder's {@code state.json} records after each epoch: enough to continue exactly
 * where training stopped. It is written last and atomically, and names the parameter files it belongs
 * to, so a crash mid-save leaves the previous consistent checkpoint.
 *
 * @param averageFile the last epoch's weight average ({@link WeightAverage}); null when the run keeps none
 * @param bestWeights what {@code best.params} holds: "raw" or "ema"; null when the run keeps no average
 */
public record CheckpointState(
        int formatVersion,
        TrainingConfig config,
        List<String> classes,
        String dataFingerprint,
        int epochsDone,
        int iterationCount,
        double lrPlateauRate,
        double lrBestAccuracy,
        int lrEpochsWithoutImprovement,
        int bestEpoch,
        double bestValidationAccuracy,
        int epochsSinceBest,
        double elapsedSeconds,
        String paramsFile,
        String updaterFile,
        List<EpochResult> history,
        @JsonInclude(JsonInclude.Include.NON_NULL) String averageFile,
        @JsonInclude(JsonInclude.Include.NON_NULL) String bestWeights) {

    public CheckpointState {
        classes = List.copyOf(classes);
        history = List.copyOf(history);
    }

    /** The state of a run without a weight average. */
    public CheckpointState(int formatVersion, TrainingConfig config, List<String> classes, String dataFingerprint,
                           int epochsDone, int iterationCount, double lrPlateauRate, double lrBestAccuracy,
                           int lrEpochsWithoutImprovement, int bestEpoch, double bestValidationAccuracy,
                           int epochsSinceBest, double elapsedSeconds, String paramsFile, String updaterFile,
                           List<EpochResult> history) {
        this(formatVersion, config, classes, dataFingerprint, epochsDone, iterationCount, lrPlateauRate, lrBestAccuracy,
                lrEpochsWithoutImprovement, bestEpoch, bestValidationAccuracy, epochsSinceBest, elapsedSeconds,
                paramsFile, updaterFile, history, null, null);
    }
}
