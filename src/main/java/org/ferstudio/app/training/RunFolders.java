package org.ferstudio.app.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;

/**
 * Where training runs keep their files: one folder per run under a root ({@code ~/.fer-studio/runs} in
 * the app), named like the model it trains, holding the checkpoints and the trained model.
 */
public final class RunFolders {

    private final Path root;
    private final Clock clock;

    public RunFolders(Path root, Clock clock) {
        this.root = root;
        this.clock = clock;
    }

    public Path root() {
        return root;
    }

    /** A job for a new run of {@code plan}, in a folder no earlier run used (created by the trainer). */
    public TrainingJob newJob(TrainingPlan plan) {
        String stem = ModelNames.suggest(plan.config().architecture(), plan.source().name(), LocalDateTime.now(clock));
        Path dir = root.resolve(stem);
        for (int i = 2; Files.exists(dir); i++) {
            dir = root.resolve(stem + "-" + i);
        }
        return new TrainingJob(dir.getFileName().toString(), plan, dir);
    }
}
