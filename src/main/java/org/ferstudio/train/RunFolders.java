package org.ferstudio.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.ferstudio.store.ModelNames;
import org.ferstudio.store.ModelStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where training runs keep their files: one folder per run under a root ({@code ~/.fer-studio/runs} in
 * the app), named like the model it trains, holding the checkpoints and the trained model.
 */
public final class RunFolders {

    private static final Logger LOG = LoggerFactory.getLogger(RunFolders.class);

    private final Path root;
    private final Clock clock;

    public RunFolders(Path root, Clock clock) {
        this.root = root;
        this.clock = clock;
    }

    public Path root() {
        return root;
    }

    /** A job for a new run of {@code request}, in a folder no earlier run used (created by the trainer). */
    public TrainingJob newJob(TrainingRequest request) {
        String stem = ModelNames.suggest(request.config().architecture(), request.source().name(),
                LocalDateTime.now(clock));
        Path dir = root.resolve(stem);
        for (int i = 2; Files.exists(dir); i++) {
            dir = root.resolve(stem + "-" + i);
        }
        return new TrainingJob(dir.getFileName().toString(), request, dir);
    }

    /**
     * The runs under the root that have checkpoints but no trained model, the most recently checkpointed
     * first. A folder whose checkpoint cannot be read is left out (and logged), so one damaged run does not
     * hide the others.
     */
    public List<InterruptedRun> interrupted() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        record Found(InterruptedRun run, FileTime checkpointed) {
        }
        List<Found> found = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            dirs.filter(Files::isDirectory).forEach(dir -> interruptedRun(dir).ifPresent(run -> found.add(new Found(run,
                    lastModified(dir.resolve(TrainingJob.CHECKPOINTS).resolve(CheckpointStore.STATE_FILE))))));
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not list the training runs in {}: {}", root, e.getMessage());
        }
        return found.stream()
                .sorted(Comparator.comparing(Found::checkpointed).reversed()
                        .thenComparing(f -> f.run().name()))
                .map(Found::run)
                .toList();
    }

    private static Optional<InterruptedRun> interruptedRun(Path dir) {
        if (Files.exists(dir.resolve(TrainingJob.MODEL).resolve(ModelStore.CARD_FILE))) {
            return Optional.empty();
        }
        try {
            Optional<CheckpointState> state = new CheckpointStore(dir.resolve(TrainingJob.CHECKPOINTS)).load();
            return state.map(s -> new InterruptedRun(dir, s));
        } catch (IOException | RuntimeException e) {
            LOG.warn("leaving out the training run {}: its checkpoint cannot be read ({})", dir, e.getMessage());
            return Optional.empty();
        }
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
