package org.ferstudio.train;

import java.util.List;

/**
 * What a checkpoint folder's {@code state.json} records after each epoch: enough to continue exactly
 * where training stopped. It is written last and atomically, and names the parameter files it belongs
 * to, so a crash mid-save leaves the previous consistent checkpoint.
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
        List<EpochResult> history) {

    public CheckpointState {
        classes = List.copyOf(classes);
        history = List.copyOf(history);
    }
}
