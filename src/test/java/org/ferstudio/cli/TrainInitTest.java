package org.ferstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.ferstudio.data.AugmentationConfig;
import org.ferstudio.model.ModelCard;
import org.ferstudio.nets.Architectures;
import org.ferstudio.nets.FerNetwork;
import org.ferstudio.nets.NetworkSpec;
import org.ferstudio.nets.OptimizerSettings;
import org.ferstudio.store.ModelLoadException;
import org.ferstudio.store.ModelStore;
import org.ferstudio.task.ProgressReporter;
import org.ferstudio.testutil.SyntheticFaces;
import org.ferstudio.train.CheckpointStore;
import org.ferstudio.train.ClassBalancing;
import org.ferstudio.train.LrSchedule;
import org.ferstudio.train.Trainer;
import org.ferstudio.train.TrainingConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@code train --init}: a run that starts from a trained model's weights. */
class TrainInitTest {

    @TempDir
    static Path tmp;

    static Path data;
    static Path start;

    @BeforeAll
    static void trainTheStartingModel() throws IOException {
        data = SyntheticFaces.csv(tmp.resolve("synthetic.csv"), 120, 30, 30);
        start = tmp.resolve("start");
        CliRun run = train("--seed", "1", "--lr", "0.001", "--out", start.toString());
        assertThat(run.exit()).as(run.err()).isZero();
    }

    private static CliRun train(String... more) {
        return CliRun.trainSynthetic(data, more);
    }

    /** The first convolution's weights as trained and saved (the app's inference copy has batch norm folded in). */
    private static INDArray firstFilters(Path model) throws IOException {
        ModelCard card = ModelStore.load(model).card();
        FerNetwork trained = Architectures.byId(card.architecture())
                .build(NetworkSpec.forInference(card.classes().size()));
        trained.setParams(Nd4j.createFromArray(ModelStore.savedValues(model, card)).reshape(1, -1));
        return ((MultiLayerNetwork) trained.dl4jModel()).getLayer(0).getParam("W");
    }

    @Test
    void startsFromTheModelsWeightsAndSaysSoInTheCard() throws IOException {
        // at a vanishing learning rate the weights stay where they started: the model's with --init, random without
        Path tuned = tmp.resolve("tuned");
        CliRun run = train("--init", start.toString(), "--seed", "2", "--lr", "1e-9", "--out", tuned.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        Path fresh = tmp.resolve("fresh");
        assertThat(train("--seed", "2", "--lr", "1e-9", "--out", fresh.toString()).exit()).isZero();

        INDArray original = firstFilters(start);
        assertThat(firstFilters(tuned).equalsWithEps(original, 1e-5)).isTrue();
        assertThat(firstFilters(fresh).equalsWithEps(original, 1e-3)).isFalse();

        ModelCard card = ModelStore.load(tuned).card();
        assertThat(card.training().get("startFrom").toString()).contains("name=start")
                .contains(ModelStore.load(start).card().weights().sha256());
    }

    @Test
    void refusesAModelWithOtherClassesAnEnsembleAndAChangeOnResume() throws IOException {
        Path other = tmp.resolve("other-classes");
        ModelStore.copy(start, other, "other");
        Path card = other.resolve(ModelStore.CARD_FILE);
        java.nio.file.Files.writeString(card, java.nio.file.Files.readString(card).replace("\"left\"", "\"right\""));
        CliRun mixed = train("--init", other.toString(), "--out", tmp.resolve("mixed").toString());
        assertThat(mixed.exit()).isEqualTo(1);
        assertThat(mixed.err()).contains("other-classes has the classes [top, bottom, right]");
        assertThat(tmp.resolve("mixed")).doesNotExist();

        Path second = tmp.resolve("second");
        assertThat(train("--seed", "3", "--out", second.toString()).exit()).isZero();
        Path pair = tmp.resolve("pair");
        assertThat(CliRun.of("ensemble", "--member", start.toString(), "--member", second.toString(), "--data",
                data.toString(), "--no-test", "--tta", "none", "--out", pair.toString()).exit()).isZero();
        CliRun fromEnsemble = train("--init", pair.toString(), "--out", tmp.resolve("from-pair").toString());
        assertThat(fromEnsemble.exit()).isEqualTo(1);
        assertThat(fromEnsemble.err()).contains("pair is an ensemble");

        CliRun resumed = CliRun.of("train", "--data", data.toString(), "--resume",
                tmp.resolve("second.checkpoints").toString(), "--init", start.toString(), "--out", second.toString(),
                "--force");
        assertThat(resumed.exit()).isEqualTo(1);
        assertThat(resumed.err()).contains("--init: a resumed run keeps the settings");
    }

    @Test
    void aStartModelWhoseWeightsChangedSinceTheRunBeganIsRefused() {
        TrainingConfig config = TrainingConfig.builder().architecture("cnn3").epochs(1).batchSize(30)
                .optimizer(OptimizerSettings.adam(1e-3)).schedule(LrSchedule.CONSTANT).plateauPatience(2)
                .plateauFactor(0.5).minLearningRate(1e-5).labelSmoothing(0.0).earlyStoppingPatience(0)
                .augmentation(AugmentationConfig.none()).balancing(ClassBalancing.NONE).seed(7).build()
                .withStartFrom(new TrainingConfig.StartingModel("start", start.toString(), "0".repeat(64)));
        assertThatThrownBy(() -> new Trainer(config).run(SyntheticFaces.LABELS, SyntheticFaces.make(60, 1),
                SyntheticFaces.make(30, 2), new CheckpointStore(tmp.resolve("changed.checkpoints")), ProgressReporter.NONE))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("changed since this run began");
    }
}
