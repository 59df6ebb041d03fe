package org.ferstudio.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.ferstudio.store.ModelStore;
import org.ferstudio.train.CheckpointStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFoldersTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-23T15:30:12Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    @Test
    void listsRunsWithCheckpointsAndNoModelTheMostRecentlyCheckpointedFirst() throws IOException {
        Path root = tmp.resolve("runs");
        Path older = InterruptedRuns.write(root, "older", WizardData.request(10).config(), 3);
        Path newer = InterruptedRuns.write(root, "newer", WizardData.request(10).config(), 7);
        touch(older, Instant.parse("2025-11-20T10:00:00Z"));
        touch(newer, Instant.parse("2025-11-22T10:00:00Z"));
        Path finished = InterruptedRuns.write(root, "finished", WizardData.request(10).config(), 10);
        Files.createDirectories(finished.resolve(TrainingJob.MODEL));
        Files.writeString(finished.resolve(TrainingJob.MODEL).resolve(ModelStore.CARD_FILE), "{}");
        Files.createDirectories(root.resolve("before-its-first-epoch").resolve(TrainingJob.CHECKPOINTS));
        Path damaged = Files.createDirectories(root.resolve("damaged").resolve(TrainingJob.CHECKPOINTS));
        Files.writeString(damaged.resolve(CheckpointStore.STATE_FILE), "{ not json");
        Files.writeString(root.resolve("notes.txt"), "a file, not a run");

        var runs = new RunFolders(root, CLOCK).interrupted();

        assertThat(runs).extracting(InterruptedRun::name).containsExactly("newer", "older");
        assertThat(runs.get(0).runDir()).isEqualTo(newer);
        assertThat(runs.get(0).state().epochsDone()).isEqualTo(7);
        assertThat(runs.get(0)).hasToString("newer: epoch 7 of 10 done, best validation 70.0% (epoch 7)");
    }

    @Test
    void noRunsFolderMeansNoInterruptedRuns() {
        assertThat(new RunFolders(tmp.resolve("missing"), CLOCK).interrupted()).isEmpty();
    }

    private static void touch(Path runDir, Instant when) throws IOException {
        Files.setLastModifiedTime(runDir.resolve(TrainingJob.CHECKPOINTS).resolve(CheckpointStore.STATE_FILE),
                FileTime.from(when));
    }
}
