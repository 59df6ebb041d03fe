package org.ferstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.ferstudio.model.ModelCard;
import org.ferstudio.store.ModelStore;
import org.ferstudio.testutil.SyntheticFaces;
import org.ferstudio.train.CheckpointStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --ema} on the command line: the run's output, the card, resume and refusals. */
class TrainAverageTest {

    @TempDir
    Path tmp;

    @Test
    void theCardSaysWhichWeightsWereSavedAndResumeKeepsTheAverage() throws IOException {
        Path data = SyntheticFaces.csv(tmp.resolve("synthetic.csv"), 120, 30, 30);
        Path model = tmp.resolve("models/averaged");
        String labels = String.join(",", SyntheticFaces.LABELS.names());

        CliRun train = CliRun.of("train", "--data", data.toString(), "--labels", labels, "--epochs", "1",
                "--batch", "30", "--augment", "none", "--ema", "0.9", "--tta", "none", "--no-test", "--out", model.toString());
        assertThat(train.exit()).as(train.err()).isZero();
        assertThat(train.out()).contains("weight average (EMA) with decay 0.9").contains("ema val loss");

        ModelCard card = ModelStore.readCard(model);
        assertThat(card.training()).containsEntry("ema", 0.9);
        assertThat(card.training().get("weights")).isIn("raw", "ema");
        Path checkpoints = tmp.resolve("models/averaged.checkpoints");
        assertThat(checkpoints.resolve("epoch-001.ema")).exists();

        CliRun changed = CliRun.of("train", "--data", data.toString(), "--labels", labels, "--resume",
                checkpoints.toString(), "--ema", "0.99", "--out", model.toString(), "--force");
        assertThat(changed.exit()).isNotZero();
        assertThat(changed.err()).contains("--ema: a resumed run keeps the settings");

        CliRun resumed = CliRun.of("train", "--data", data.toString(), "--labels", labels, "--resume",
                checkpoints.toString(), "--epochs", "2", "--tta", "none", "--no-test", "--out", model.toString(), "--force");
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        assertThat(resumed.out()).containsPattern("epoch +2/2 .* ema val loss");
        assertThat(new CheckpointStore(checkpoints).load().orElseThrow().averageFile()).isEqualTo("epoch-002.ema");
        assertThat(ModelStore.readCard(model).training()).containsEntry("ema", 0.9).containsKey("weights");
    }

    @Test
    void withoutEmaTheCardAndCheckpointsAreAsBefore() throws IOException {
        Path data = SyntheticFaces.csv(tmp.resolve("synthetic.csv"), 60, 30, 30);
        Path model = tmp.resolve("models/plain");

        CliRun train = CliRun.of("train", "--data", data.toString(), "--labels",
                String.join(",", SyntheticFaces.LABELS.names()), "--epochs", "1", "--batch", "30", "--augment", "none",
                "--tta", "none", "--no-test", "--out", model.toString());
        assertThat(train.exit()).as(train.err()).isZero();

        assertThat(ModelStore.readCard(model).training()).doesNotContainKeys("ema", "weights");
        assertThat(train.out()).doesNotContain("ema");
    }

    @Test
    void badDecaysAndPretrainedArchitecturesAreRefused() throws IOException {
        Path data = SyntheticFaces.csv(tmp.resolve("synthetic.csv"), 30, 30, 30);
        for (String decay : List.of("1", "-0.5", "1.5")) {
            CliRun bad = CliRun.of("train", "--data", data.toString(), "--ema", decay, "--out",
                    tmp.resolve("m" + decay).toString());
            assertThat(bad.exit()).isNotZero();
            assertThat(bad.err()).contains("decay must be 0 (off) or in (0, 1), got " + Double.parseDouble(decay));
        }
        CliRun transfer = CliRun.of("train", "--data", data.toString(), "--arch", "mobilenet", "--ema", "0.99",
                "--out", tmp.resolve("t").toString());
        assertThat(transfer.exit()).isNotZero();
        assertThat(transfer.err()).contains("--ema needs a one-stage architecture");
    }
}
