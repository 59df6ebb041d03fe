package org.ferstudio.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ferstudio.io.Json;
import org.ferstudio.testutil.SyntheticFaces;

/**
 * Writes run folders as a run leaves them when it stops after some epochs: a checkpoint state, no model. Shared by
 * the tests of {@link RunFolders} and of the wizard's training step.
 */
public final class InterruptedRuns {

    private InterruptedRuns() {
    }

    /**
     * A run folder {@code root/name} whose checkpoint records {@code epochsDone} epochs of {@code config}, the
     * validation accuracy rising 0.40, 0.45, ... and the last epoch the best.
     */
    public static Path write(Path root, String name, TrainingConfig config, int epochsDone) throws IOException {
        Path runDir = root.resolve(name);
        Path checkpoints = Files.createDirectories(runDir.resolve(TrainingJob.CHECKPOINTS));
        List<EpochResult> history = new ArrayList<>();
        for (int epoch = 1; epoch <= epochsDone; epoch++) {
            history.add(new EpochResult(epoch, config.epochs(), 2.0 / epoch, 0.3 + 0.05 * epoch, 2.2 / epoch,
                    accuracy(epoch), 1e-3, 10, 120, true));
        }
        Json.write(checkpoints.resolve(CheckpointStore.STATE_FILE), new CheckpointState(1, config,
                SyntheticFaces.LABELS.names(), "fingerprint", epochsDone, epochsDone * 4, 1e-3,
                accuracy(epochsDone), 0, epochsDone, accuracy(epochsDone), 0, 10.0 * epochsDone,
                "last.params", "last.updater", history));
        return runDir;
    }

    public static double accuracy(int epoch) {
        return 0.35 + 0.05 * epoch;
    }
}
