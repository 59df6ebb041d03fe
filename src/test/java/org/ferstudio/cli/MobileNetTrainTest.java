package org.ferstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.ferstudio.model.ModelCard;
import org.ferstudio.store.ModelStore;
import org.ferstudio.testutil.SyntheticFaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --arch mobilenet} end to end on a small dataset: both stages, then evaluate, info and resume. */
class MobileNetTrainTest {

    @TempDir
    Path tmp;

    @Test
    void trainsTheHeadThenFineTunesAndTheModelIsUsable() throws IOException {
        Path data = SyntheticFaces.csv(tmp.resolve("synthetic.csv"), 90, 30, 30);
        Path model = tmp.resolve("models/transfer");
        Path cache = tmp.resolve("cache");
        String labels = String.join(",", SyntheticFaces.LABELS.names());

        CliRun train = CliRun.of("train", "--data", data.toString(), "--labels", labels, "--arch", "mobilenet",
                "--epochs", "3", "--batch", "30", "--fine-tune-blocks", "1", "--fine-tune-epochs", "1",
                "--feature-cache", cache.toString(), "--out", model.toString());
        assertThat(train.exit()).as(train.err()).isZero();
        assertThat(train.out()).contains("then fine-tuning of the last 1 blocks, up to 1 epochs, lr 1.0E-4")
                .contains("stage 1 of 2").contains("stage 2 of 2").contains("test set:").contains("saved " + model);
        ModelCard card = ModelStore.readCard(model);
        assertThat(card.architecture()).isEqualTo("mobilenet");
        assertThat(card.training()).containsEntry("fineTuning", Map.of("blocks", 1, "epochs", 1, "learningRate", 1e-4));

        CliRun evaluate = CliRun.of("evaluate", "--model", model.toString(), "--data", data.toString(),
                "--split", "PrivateTest", "--tta", "flip");
        assertThat(evaluate.exit()).as(evaluate.err()).isZero();
        assertThat(evaluate.out()).contains("macro-F1");

        CliRun info = CliRun.of("info", "--model", model.toString());
        assertThat(info.exit()).as(info.err()).isZero();
        assertThat(info.out()).contains("mobilenet").contains("96x96");

        CliRun resume = CliRun.of("train", "--data", data.toString(), "--labels", labels, "--out", model.toString(),
                "--resume", model.resolveSibling("transfer.checkpoints").toString(), "--feature-cache", cache.toString(),
                "--force");
        assertThat(resume.exit()).as(resume.err()).isZero();
        assertThat(resume.out()).contains("saved " + model);
    }

    @Test
    void fineTuningIsOnlyForPretrainedArchitectures() {
        CliRun r = CliRun.of("train", "--data", "x.csv", "--arch", "cnn3", "--fine-tune-blocks", "2", "--out",
                tmp.resolve("m").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("--fine-tune-blocks needs a pretrained architecture");

        CliRun tooMany = CliRun.of("train", "--data", "x.csv", "--arch", "mobilenet", "--fine-tune-blocks", "20",
                "--out", tmp.resolve("m").toString());
        assertThat(tooMany.exit()).isEqualTo(1);
        assertThat(tooMany.err()).contains("must be 0..13");
    }
}
