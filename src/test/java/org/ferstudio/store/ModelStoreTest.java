package org.ferstudio.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ferstudio.io.Json;
import org.ferstudio.model.ModelCard;
import org.ferstudio.model.SampleCards;
import org.ferstudio.nets.Architectures;
import org.ferstudio.nets.FerNetwork;
import org.ferstudio.nets.NetworkSpec;
import org.ferstudio.nets.OptimizerSettings;
import org.ferstudio.testutil.TestFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ModelStoreTest {

    private static FerNetwork net;
    private static INDArray input;

    @TempDir
    Path tmp;

    @BeforeAll
    static void buildNetwork() {
        net = Architectures.byId("cnn3").build(new NetworkSpec(7, 123, OptimizerSettings.adam(1e-3), List.of()));
        Nd4j.getRandom().setSeed(5);
        input = Nd4j.rand(DataType.FLOAT, 4, 1, 48, 48);
    }

    private Path saved() throws IOException {
        Path dir = tmp.resolve("model");
        ModelStore.save(dir, net, SampleCards.complete());
        return dir;
    }

    @Test
    void roundTripGivesTheSameCardIdenticalWeightsAndTheSameOutputs() throws IOException {
        Path dir = tmp.resolve("model");
        ModelCard savedCard = ModelStore.save(dir, net, SampleCards.complete());
        LoadedModel loaded = ModelStore.load(dir);

        assertThat(loaded.card()).isEqualTo(savedCard);
        assertThat(savedCard.weights().file()).isEqualTo(ModelStore.WEIGHTS_FILE);
        assertThat(savedCard.weights().parameters()).isEqualTo(1_469_543L);
        float[] stored = ArrayFile.read(dir.resolve(ModelStore.WEIGHTS_FILE));
        assertThat(stored).isEqualTo(net.params().dup().data().asFloat());
        // the loaded copy runs in the faster NHWC layout: other kernels, so equal up to float rounding
        double maxDiff = loaded.network().output(input).sub(net.output(input)).amaxNumber().doubleValue();
        assertThat(maxDiff).isLessThan(1e-5);
        assertThat(loaded.network().inferenceOnly()).isTrue();
        assertThatThrownBy(() -> ModelStore.save(tmp.resolve("again"), loaded.network(), savedCard))
                .hasMessageContaining("inference copy");
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("model");
        }
    }

    @Test
    void savingAgainReplacesTheFolderWhole() throws IOException {
        Path dir = saved();
        Files.writeString(dir.resolve("stale.txt"), "old");
        ModelStore.save(dir, net, SampleCards.complete().withName("second"));
        assertThat(dir.resolve("stale.txt")).doesNotExist();
        assertThat(ModelStore.readCard(dir).name()).isEqualTo("second");
    }

    @Test
    void missingFolderOrCardIsNamed() throws IOException {
        assertThatThrownBy(() -> ModelStore.load(tmp.resolve("nope")))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("no model folder").hasMessageContaining("nope");
        Path dir = saved();
        Files.delete(dir.resolve(ModelStore.CARD_FILE));
        assertThatThrownBy(() -> ModelStore.load(dir)).hasMessageContaining("model.json is missing");
    }

    @Test
    void garbledCardIsReportedWithItsFile() throws IOException {
        Path dir = saved();
        Files.writeString(dir.resolve(ModelStore.CARD_FILE), "{\"name\": \"x\", \"classes\": [");
        assertThatThrownBy(() -> ModelStore.load(dir)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("model.json").hasMessageContaining("not a valid model card");
    }

    @Test
    void copyRenamesTheCardKeepsTheWeightsAndLoadsFromItsNewPlace() throws IOException {
        Path source = saved();
        Path target = tmp.resolve("user/renamed");

        LoadedModel copy = ModelStore.copy(source, target, "renamed");

        assertThat(copy.folder()).isEqualTo(target);
        assertThat(copy.card().name()).isEqualTo("renamed");
        assertThat(ModelStore.readCard(target).weights()).isEqualTo(ModelStore.readCard(source).weights());
        assertThat(Files.readAllBytes(target.resolve(ModelStore.WEIGHTS_FILE)))
                .isEqualTo(Files.readAllBytes(source.resolve(ModelStore.WEIGHTS_FILE)));
        assertThat(ModelStore.readCard(source).name()).isEqualTo(SampleCards.complete().name());
    }

    @Test
    void aCopyOfADamagedModelReplacesNothingAndLeavesNoTemporaryFolder() throws IOException {
        Path source = saved();
        Path weights = source.resolve(ModelStore.WEIGHTS_FILE);
        TestFiles.truncateToHalf(weights);
        Path target = tmp.resolve("user/existing");
        ModelStore.save(target, net, SampleCards.complete().withName("existing"));

        assertThatThrownBy(() -> ModelStore.copy(source, target, "existing")).isInstanceOf(ModelLoadException.class);

        assertThat(ModelStore.readCard(target).name()).isEqualTo("existing");
        assertThat(ModelStore.load(target).card().name()).isEqualTo("existing");
        try (var files = Files.list(tmp.resolve("user"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("existing");
        }
    }

    @Test
    void truncatedWeightsAreDetected() throws IOException {
        Path dir = saved();
        Path weights = dir.resolve(ModelStore.WEIGHTS_FILE);
        TestFiles.truncateToHalf(weights);
        assertThatThrownBy(() -> ModelStore.load(dir)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(weights.toString()).hasMessageContaining("damaged, truncated");
    }

    @Test
    void foreignWeightsFileIsRejectedEvenWhenTheCardIsPatchedToMatch() throws IOException {
        Path dir = saved();
        Path weights = dir.resolve(ModelStore.WEIGHTS_FILE);
        Files.writeString(weights, "PK\u0003\u0004 this is a zip or a pickle, not our array file");
        ModelCard card = ModelStore.readCard(dir);
        Json.write(dir.resolve(ModelStore.CARD_FILE), card.withWeights(new ModelCard.Weights(ModelStore.WEIGHTS_FILE,
                ModelStore.sha256(weights), Files.size(weights), card.weights().parameters())));
        assertThatThrownBy(() -> ModelStore.load(dir)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("not a FER Studio array file");
    }

    @Test
    void cardThatDoesNotFitTheWeightsIsRejected() throws IOException {
        Path dir = saved();
        ModelCard card = ModelStore.readCard(dir);
        List<String> nine = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i");
        ModelCard wrong = new ModelCard(card.formatVersion(), card.name(), card.architecture(), nine, card.input(),
                card.training(), card.data(), null, null, card.trainingSeconds(), card.bestEpoch(), card.hardware(),
                card.threads(), card.versions(), card.created(), card.weights(), card.parameters(), card.mflops());
        Json.write(dir.resolve(ModelStore.CARD_FILE), wrong);
        assertThatThrownBy(() -> ModelStore.load(dir)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("for 9 classes");
    }

    @Test
    void unknownArchitectureOrInputShapeIsRejected() throws IOException {
        Path dir = saved();
        ModelCard card = ModelStore.readCard(dir);
        Json.write(dir.resolve(ModelStore.CARD_FILE), new ModelCard(card.formatVersion(), card.name(), "transformer",
                card.classes(), card.input(), card.training(), card.data(), null, null, 0, null, null, 0,
                card.versions(), null, card.weights(), card.parameters(), null));
        assertThatThrownBy(() -> ModelStore.load(dir)).hasMessageContaining("unknown architecture 'transformer'");

        Json.write(dir.resolve(ModelStore.CARD_FILE), new ModelCard(card.formatVersion(), card.name(), "cnn3",
                card.classes(), new ModelCard.Input(64, 64, 3, "rgb"), card.training(), card.data(), null, null, 0, null,
                null, 0, card.versions(), null, card.weights(), card.parameters(), null));
        assertThatThrownBy(() -> ModelStore.load(dir)).hasMessageContaining("64x64x3 is not supported");
    }

    @Test
    void weightsPathCannotEscapeTheFolder() throws IOException {
        Path dir = saved();
        ModelCard card = ModelStore.readCard(dir);
        Json.write(dir.resolve(ModelStore.CARD_FILE), card.withWeights(new ModelCard.Weights("../../etc/passwd",
                card.weights().sha256(), 1, card.parameters())));
        assertThatThrownBy(() -> ModelStore.load(dir)).hasMessageContaining("weights file missing");
    }

    @Test
    void neverReplacesAFolderOfOtherFilesNorAFile() throws IOException {
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("a.txt"), "mine");
        assertThatThrownBy(() -> ModelStore.save(other, net, SampleCards.complete()))
                .isInstanceOf(OutputRefusedException.class).hasMessageContaining("(a.txt)");
        Path file = Files.writeString(tmp.resolve("file"), "mine");
        assertThatThrownBy(() -> ModelStore.save(file, net, SampleCards.complete()))
                .isInstanceOf(OutputRefusedException.class).hasMessageContaining("is a file");
        assertThat(Files.readString(other.resolve("a.txt"))).isEqualTo("mine");
        assertThat(Files.readString(file)).isEqualTo("mine");
        try (var left = Files.list(tmp)) {
            assertThat(left).containsExactlyInAnyOrder(other, file);
        }
    }
}
