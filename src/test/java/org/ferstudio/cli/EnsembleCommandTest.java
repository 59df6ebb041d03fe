package org.ferstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ferstudio.data.FaceTensors;
import org.ferstudio.face.FaceTranslator;
import org.ferstudio.nets.FaceClassifier;
import org.ferstudio.model.ModelCard;
import org.ferstudio.nets.EnsembleNetwork;
import org.ferstudio.store.LoadedModel;
import org.ferstudio.store.ModelLoadException;
import org.ferstudio.store.ModelStore;
import org.ferstudio.testutil.SyntheticFaces;
import org.ferstudio.testutil.TestFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** {@code ensemble} end to end: two small trained models saved as one that averages them. */
class EnsembleCommandTest {

    @TempDir
    static Path tmp;

    static Path data;
    static Path first;
    static Path second;

    @BeforeAll
    static void trainTwoMembers() throws IOException {
        data = SyntheticFaces.csv(tmp.resolve("synthetic.csv"), 120, 30, 30);
        first = train("first", 1);
        second = train("second", 2);
    }

    private static Path train(String name, long seed) {
        Path model = tmp.resolve(name);
        CliRun run = CliRun.trainSynthetic(data, "--seed", Long.toString(seed), "--out", model.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        return model;
    }

    @Test
    void savesOneModelThatAveragesItsMembersAndReproducesItsFigures() throws IOException {
        Path out = tmp.resolve("both");
        CliRun run = CliRun.of("ensemble", "--member", first.toString(), "--member", second.toString(),
                "--data", data.toString(), "--out", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("member 1 first: validation accuracy").contains("member 2 second: ")
                .contains("ensemble: validation accuracy").contains("ms/face").contains("saved " + out);

        LoadedModel ensemble = ModelStore.load(out);
        ModelCard card = ensemble.card();
        assertThat(card.isEnsemble()).isTrue();
        assertThat(card.members()).extracting(ModelCard.Member::name).containsExactly("first", "second");
        LoadedModel a = ModelStore.load(first);
        LoadedModel b = ModelStore.load(second);
        assertThat(card.parameters()).isEqualTo(a.card().parameters() + b.card().parameters());
        assertThat(card.mflops()).isCloseTo(a.card().mflops() + b.card().mflops(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(card.trainingSeconds()).isEqualTo(a.card().trainingSeconds() + b.card().trainingSeconds());
        assertThat(card.members()).allSatisfy(m -> assertThat(m.validationAccuracy()).isBetween(0.0, 1.0));
        assertThat(card.test().n()).isEqualTo(30);
        assertThat(card.test().tta()).isEqualTo(card.inference().defaultTta());
        assertThat(out.resolve(ModelStore.CONFUSION_PNG)).isRegularFile();
        assertThat(ensemble.network()).isInstanceOf(EnsembleNetwork.class);

        INDArray x = faces();
        INDArray mean = a.network().output(x).add(b.network().output(x)).div(2);
        assertThat(ensemble.network().output(x).equalsWithEps(mean, 1e-6)).isTrue();
        assertThat(new FaceClassifier(ensemble.network()).numClasses()).isEqualTo(3);

        CliRun evaluate = CliRun.of("evaluate", "--model", out.toString(), "--data", data.toString(),
                "--split", "PrivateTest");
        assertThat(evaluate.exit()).as(evaluate.err()).isZero();
        assertThat(evaluate.out()).containsPattern("accuracy\\s+"
                + String.format(java.util.Locale.ROOT, "%.4f", card.test().accuracy()));
        CliRun info = CliRun.of("info", "--model", out.toString());
        assertThat(info.exit()).as(info.err()).isZero();
        assertThat(info.out()).contains("ensemble of 2: first (cnn3), second (cnn3)");
    }

    @Test
    void anEnsembleAndOneMoreModelMakeAnEnsembleOneMemberLargerInPlace() throws IOException {
        Path grown = tmp.resolve("grown");
        assertThat(CliRun.of("ensemble", "--member", first.toString(), "--member", second.toString(), "--data",
                data.toString(), "--no-test", "--tta", "none", "--out", grown.toString()).exit()).isZero();
        Path third = train("third", 3);

        CliRun run = CliRun.of("ensemble", "--member", grown.toString(), "--member", third.toString(),
                "--data", data.toString(), "--no-test", "--tta", "none", "--out", grown.toString(), "--force");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("member 3 third: validation accuracy").contains("runs live video alone");

        LoadedModel ensemble = ModelStore.load(grown);
        List<LoadedModel> singles = List.of(ModelStore.load(first), ModelStore.load(second), ModelStore.load(third));
        assertThat(ensemble.card().members()).extracting(ModelCard.Member::name).containsExactly("first", "second", "third");
        assertThat(ensemble.card().trainingSeconds())
                .isEqualTo(singles.stream().mapToLong(m -> m.card().trainingSeconds()).sum());
        INDArray x = faces();
        INDArray mean = singles.get(0).network().output(x).add(singles.get(1).network().output(x))
                .add(singles.get(2).network().output(x)).div(3);
        assertThat(ensemble.network().output(x).equalsWithEps(mean, 1e-6)).isTrue();

        ModelCard.Inference inference = ensemble.card().inference();
        double bestAlone = ensemble.card().members().stream().mapToDouble(ModelCard.Member::validationAccuracy).max()
                .orElseThrow();
        assertThat(ensemble.card().members().get(inference.videoMember()).validationAccuracy()).isEqualTo(bestAlone);
        assertThat(inference.videoMsPerFace()).isPositive();
        assertThat(ensemble.forVideo().network().output(x)
                .equalsWithEps(singles.get(inference.videoMember()).network().output(x), 1e-6)).isTrue();
        assertThat(ensemble.card().videoSetting())
                .isEqualTo("member " + singles.get(inference.videoMember()).card().name() + " alone, TTA none");
    }

    private static INDArray faces() {
        float[] faces = new float[2 * 48 * 48];
        for (int i = 0; i < faces.length; i++) {
            faces[i] = (i * 37 % 255) / 255f;
        }
        return FaceTranslator.tensor(faces, 2);
    }

    @Test
    void membersMayShareAName() throws IOException {
        Path twin = tmp.resolve("twin");
        ModelStore.copy(second, twin, "first");
        Path out = tmp.resolve("twins");
        CliRun run = CliRun.of("ensemble", "--member", first.toString(), "--member", twin.toString(),
                "--data", data.toString(), "--no-test", "--tta", "none", "--out", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(ModelStore.load(out).card().members()).extracting(ModelCard.Member::name)
                .containsExactly("first", "first");
        assertThat(ModelStore.load(out).card().members()).allSatisfy(m -> assertThat(m.validationAccuracy()).isNotNull());
    }

    @Test
    void refusesOneMemberOrMembersThatDisagreeOnClasses() throws IOException {
        CliRun one = CliRun.of("ensemble", "--member", first.toString(), "--data", data.toString(),
                "--out", tmp.resolve("one").toString());
        assertThat(one.exit()).isEqualTo(1);
        assertThat(one.err()).contains("at least 2 models");

        Path other = tmp.resolve("other-classes");
        ModelStore.copy(first, other, "other");
        Path card = other.resolve(ModelStore.CARD_FILE);
        Files.writeString(card, Files.readString(card).replace("\"left\"", "\"right\""));
        CliRun mixed = CliRun.of("ensemble", "--member", first.toString(), "--member", other.toString(),
                "--data", data.toString(), "--out", tmp.resolve("mixed").toString());
        assertThat(mixed.exit()).isEqualTo(1);
        assertThat(mixed.err()).contains("other-classes has the classes [top, bottom, right]");
        assertThat(tmp.resolve("mixed")).doesNotExist();
    }

    @Test
    void aTruncatedEnsembleFailsToLoadWithAClearMessage() throws IOException {
        Path out = tmp.resolve("truncated");
        assertThat(CliRun.of("ensemble", "--member", first.toString(), "--member", second.toString(), "--data",
                data.toString(), "--no-test", "--tta", "none", "--out", out.toString()).exit()).isZero();
        Path weights = out.resolve(ModelStore.WEIGHTS_FILE);
        TestFiles.truncateToHalf(weights);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ModelStore.load(out))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("does not match its card");
        assertThat(List.of(first, second)).allSatisfy(p -> assertThat(ModelStore.load(p)).isNotNull());
    }
}
