package org.ferstudio.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.ferstudio.data.DataSplits;
import org.ferstudio.data.DatasetSource;
import org.ferstudio.store.ModelStore;
import org.ferstudio.testutil.SyntheticFaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFoldersTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-23T15:30:12Z"), ZoneOffset.UTC);
    private static final TrainingConfig CONFIG = TrainingConfig.defaults().withEpochs(10);

    @TempDir
    Path tmp;

    @Test
    void listsRunsWithCheckpointsAndNoModelTheMostRecentlyCheckpointedFirst() throws IOException {
        Path root = tmp.resolve("runs");
        Path older = InterruptedRuns.write(root, "older", CONFIG, 3);
        Path newer = InterruptedRuns.write(root, "newer", CONFIG, 7);
        touch(older, Instant.parse("2025-11-20T10:00:00Z"));
        touch(newer, Instant.parse("2025-11-22T10:00:00Z"));
        Path finished = InterruptedRuns.write(root, "finished", CONFIG, 10);
        Files.createDirectories(finished.resolve(TrainingJob.MODEL));
        Files.writeString(finished.resolve(TrainingJob.MODEL).resolve(ModelStore.CARD_FILE), "{}");
        Files.createDirectories(root.resolve("before-its-first-epoch").resolve(TrainingJob.CHECKPOINTS));
        Path damaged = Files.createDirectories(root.resolve("damaged").resolve(TrainingJob.CHECKPOINTS));
        Files.writeString(damaged.resolve(CheckpointStore.STATE_FILE), "{ not json");
        Files.writeString(root.resolve("notes.txt"), "a file, not a run");

        var runs = new RunFolders(root, CLOCK).interrupted();

        assertThat(runs).extracting(InterruptedRun::name).containsExactly("newer", "older");
        assertThat(runs.get(0).runDir()).isEqualTo(newer);
        InterruptedRun newest = runs.get(0);
        assertThat(newest.epochsDone()).isEqualTo(7);
        assertThat(newest.plannedEpochs()).isEqualTo(10);
        assertThat(newest.bestEpoch()).isEqualTo(7);
        assertThat(newest.bestValidationAccuracy()).isEqualTo(InterruptedRuns.accuracy(7));
    }

    @Test
    void aNewJobIsNamedAfterItsArchitectureDataAndTimeInAFolderNoEarlierRunUsed() throws IOException {
        Path root = tmp.resolve("runs");
        RunFolders folders = new RunFolders(root, CLOCK);
        DataSplits splits = new DataSplits(SyntheticFaces.make(6, 1), SyntheticFaces.make(3, 2), null, "synthetic");
        TrainingRequest request = new TrainingRequest(SyntheticFaces.LABELS, splits,
                new DatasetSource("fer2013.csv.gz", Path.of("fer2013.csv.gz"), "0".repeat(64), 1), CONFIG);

        TrainingJob first = folders.newJob(request);
        assertThat(first.modelName()).isEqualTo("cnn3-fer2013-20251123-153012");
        assertThat(first.runDir()).isEqualTo(root.resolve("cnn3-fer2013-20251123-153012"));
        assertThat(first.checkpointDir()).isEqualTo(first.runDir().resolve(TrainingJob.CHECKPOINTS));
        assertThat(first.modelDir()).isEqualTo(first.runDir().resolve(TrainingJob.MODEL));
        assertThat(first.request()).isSameAs(request);

        Files.createDirectories(first.runDir());
        assertThat(folders.newJob(request).modelName()).as("the earlier run's folder is left alone")
                .isEqualTo("cnn3-fer2013-20251123-153012-2");
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
