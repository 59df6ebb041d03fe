package org.ferstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.ferstudio.model.ModelCard;
import org.ferstudio.store.ModelStore;
import org.ferstudio.testutil.SyntheticFaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end on a small dataset with its own class set. */
class TrainEvaluateInfoTest {

    @TempDir
    Path tmp;

    private Path syntheticCsv() throws IOException {
        return SyntheticFaces.csv(tmp.resolve("synthetic.csv"), 120, 30, 30);
    }

    @Test
    void trainSavesAModelWithItsCardThatEvaluateAndInfoRead() throws IOException {
        Path data = syntheticCsv();
        Path model = tmp.resolve("models/synthetic");
        String labels = String.join(",", SyntheticFaces.LABELS.names());

        CliRun train = CliRun.of("train", "--data", data.toString(), "--labels", labels, "--epochs", "2",
                "--batch", "30", "--augment", "none", "--out", model.toString());
        assertThat(train.exit()).as(train.err()).isZero();
        assertThat(train.out()).contains("train 120, validation 30, test 30").contains("saved " + model);

        ModelCard card = ModelStore.readCard(model);
        assertThat(card.classes()).isEqualTo(SyntheticFaces.LABELS.names());
        assertThat(card.test().n()).isEqualTo(30);
        assertThat(card.data().file()).isEqualTo("synthetic.csv");
        assertThat(card.data().sha256()).hasSize(64);
        assertThat(card.training()).containsEntry("epochs", 2);
        assertThat(card.parameters()).isPositive();
        assertThat(tmp.resolve("models/synthetic.checkpoints/state.json")).exists();
        assertThat(card.inference()).isNotNull();
        assertThat(card.inference().validationAccuracy()).containsOnlyKeys("none", "flip", "tencrop");
        assertThat(card.inference().msPerFace()).containsOnlyKeys("none", "flip", "tencrop")
                .allSatisfy((tta, ms) -> assertThat(ms).isPositive());
        assertThat(card.inference().videoTta()).isEqualTo("none");
        String chosen = card.inference().defaultTta();
        double bestValidation = java.util.Collections.max(card.inference().validationAccuracy().values());
        String cheapestOfTheBest = java.util.stream.Stream.of("none", "flip", "tencrop")
                .filter(id -> card.inference().validationAccuracy().get(id) == bestValidation).findFirst().orElseThrow();
        assertThat(chosen).as("the most accurate on validation, the cheapest on a tie").isEqualTo(cheapestOfTheBest);
        assertThat(card.validation().tta()).isEqualTo(chosen);
        assertThat(card.validation().accuracy()).isEqualTo(bestValidation);
        assertThat(card.test().tta()).isEqualTo(chosen);
        assertThat(ImageIO.read(model.resolve(ModelStore.CONFUSION_PNG).toFile())).isNotNull();
        assertThat(ImageIO.read(model.resolve(ModelStore.CURVES_PNG).toFile())).isNotNull();
        assertThat(train.out()).contains("with test-time augmentation " + chosen).contains("ms/face");

        CliRun reproduce = CliRun.of("evaluate", "--model", model.toString(), "--data", data.toString(),
                "--split", "PrivateTest");
        assertThat(reproduce.exit()).as(reproduce.err()).isZero();
        assertThat(reproduce.out()).contains("TTA " + chosen)
                .containsPattern("accuracy\\s+" + String.format(java.util.Locale.ROOT, "%.4f", card.test().accuracy()));

        Path json = tmp.resolve("report.json");
        CliRun evaluate = CliRun.of("evaluate", "--model", model.toString(), "--data", data.toString(),
                "--split", "PrivateTest", "--json", json.toString(), "--tta", "flip", "--confusion-png",
                tmp.resolve("confusion.png").toString());
        assertThat(evaluate.exit()).as(evaluate.err()).isZero();
        assertThat(evaluate.out()).contains("macro-F1").contains("confusion matrix");
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.get("n").asInt()).isEqualTo(30);
        assertThat(report.get("classes")).hasSize(3);
        assertThat(report.get("confusion_matrix")).hasSize(3);
        assertThat(report.has("per_class")).isTrue();
        assertThat(report.get("accuracy").asDouble()).isBetween(0.0, 1.0);
        assertThat(ImageIO.read(tmp.resolve("confusion.png").toFile()).getWidth()).isGreaterThan(3 * 70);

        CliRun curves = CliRun.of("curves", "--checkpoints", tmp.resolve("models/synthetic.checkpoints").toString(),
                "--out", tmp.resolve("curves.png").toString());
        assertThat(curves.exit()).as(curves.err()).isZero();
        assertThat(curves.out()).contains("(2 epochs)");
        assertThat(ImageIO.read(tmp.resolve("curves.png").toFile())).isNotNull();

        CliRun info = CliRun.of("info", "--model", model.toString());
        assertThat(info.exit()).as(info.err()).isZero();
        assertThat(info.out()).contains("top, bottom, left").contains("synthetic.csv").contains("test")
                .contains("photos: TTA " + chosen).contains("per face");

        CliRun again = CliRun.of("train", "--data", data.toString(), "--labels", labels, "--out", model.toString(),
                "--force");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("already holds a training run").contains("--resume");
    }

    @Test
    void aResumedRunMayChangeItsEpochsAndScheduleButNothingElse() throws IOException {
        Path data = syntheticCsv();
        Path model = tmp.resolve("m");
        Path checkpoints = tmp.resolve("m.checkpoints");
        String labels = String.join(",", SyntheticFaces.LABELS.names());
        CliRun first = CliRun.of("train", "--data", data.toString(), "--labels", labels, "--epochs", "1",
                "--batch", "30", "--augment", "none", "--no-test", "--out", model.toString());
        assertThat(first.exit()).as(first.err()).isZero();

        CliRun refused = CliRun.of("train", "--data", data.toString(), "--labels", labels, "--resume",
                checkpoints.toString(), "--epochs", "2", "--batch", "16", "--lr", "0.1", "--out", model.toString(), "--force");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("--batch, --lr").contains("state.json")
                .contains("only --epochs and --schedule");

        CliRun resumed = CliRun.of("train", "--data", data.toString(), "--labels", labels, "--resume",
                checkpoints.toString(), "--epochs", "3", "--schedule", "cosine", "--no-test", "--out", model.toString());
        assertThat(resumed.exit()).as("the model of the first run is replaced only with --force").isEqualTo(1);
        assertThat(resumed.err()).contains("add --force");
        resumed = CliRun.of("train", "--data", data.toString(), "--labels", labels, "--resume",
                checkpoints.toString(), "--epochs", "3", "--schedule", "cosine", "--no-test", "--out", model.toString(),
                "--force");
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("3 epochs, batch 30").contains("cosine schedule")
                .contains("resuming at epoch 2 of 3");
        JsonNode state = new ObjectMapper().readTree(checkpoints.resolve("state.json").toFile());
        assertThat(state.get("epochsDone").asInt()).isEqualTo(3);
        assertThat(state.at("/config/schedule").asText()).isEqualTo("COSINE");
        JsonNode history = state.get("history");
        double lrEpoch2 = history.get(1).get("learningRate").asDouble();
        double lrEpoch3 = history.get(2).get("learningRate").asDouble();
        assertThat(history.get(0).get("learningRate").asDouble()).isEqualTo(0.001);
        assertThat(lrEpoch2).isLessThan(0.001);
        assertThat(lrEpoch3).isLessThan(lrEpoch2);

        // a finished run resumed with no more epochs only saves its best epoch again (how snapshots are exported)
        CliRun export = CliRun.of("train", "--data", data.toString(), "--labels", labels, "--resume",
                checkpoints.toString(), "--epochs", "3", "--no-test", "--tta", "none", "--out",
                tmp.resolve("again").toString());
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(export.out()).contains("the run has done its 3 epochs; saving its best epoch")
                .doesNotContain("resuming at");
        assertThat(new ObjectMapper().readTree(checkpoints.resolve("state.json").toFile()).get("epochsDone").asInt())
                .isEqualTo(3);
    }
}
