package org.ferstudio.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import org.ferstudio.app.common.TestServices;
import org.ferstudio.eval.ConfusionMatrix;
import org.ferstudio.eval.EvaluationReport;
import org.ferstudio.model.ClassLabels;
import org.ferstudio.model.ModelCard;
import org.ferstudio.model.SampleCards;
import org.ferstudio.nets.Architectures;
import org.ferstudio.nets.NetworkSpec;
import org.ferstudio.store.LoadedModel;
import org.ferstudio.store.ModelStore;
import org.ferstudio.train.TrainingOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsStepViewModelTest {

    @TempDir
    Path tmp;

    private TestServices services;
    private ResultsStepViewModel vm;
    private final List<String> confirmations = new ArrayList<>();
    private boolean confirm;

    @BeforeEach
    void setUp() {
        services = TestServices.direct(tmp);
        vm = new ResultsStepViewModel(services.services().executor(), services.errors(), services.services().models());
        vm.setOverwriteConfirmation(name -> {
            confirmations.add(name);
            return confirm;
        });
    }

    @AfterEach
    void tearDown() throws BackingStoreException {
        services.cleanUp();
    }

    /** A run's model folder as the pipeline leaves it: an (untrained) 3-block CNN with a complete card. */
    private TrainingResult finishedRun() throws IOException {
        Path modelDir = tmp.resolve("runs/run-1/model");
        ModelCard card = ModelStore.save(modelDir, Architectures.byId("cnn3").build(NetworkSpec.forInference(7)),
                SampleCards.complete().withName("run-1"));
        int[][] counts = new int[7][7];
        for (int c = 0; c < 7; c++) {
            counts[c][c] = 10;
        }
        counts[4][6] = 5;
        EvaluationReport report = EvaluationReport.of(ConfusionMatrix.of(ClassLabels.FER2013, counts));
        TrainingOutcome outcome = new TrainingOutcome(List.of(), 4, 0.61, "early stopping", 100);
        return new TrainingResult(outcome, modelDir, card, "test", report,
                List.of(new MisclassifiedFace(new byte[48 * 48], "Sad", "Neutral", 0.9)));
    }

    @Test
    void showsTheMetricsMatrixAndMistakesOfARun() throws IOException {
        vm.show(finishedRun());

        assertThat(vm.headlineProperty().get()).isEqualTo("Test accuracy 93.3% · macro-F1 0.943");
        assertThat(vm.detailsProperty().get()).contains("75 test faces").contains("Best epoch 4")
                .contains("test-time augmentation tencrop (chosen on validation)");
        assertThat(vm.classNames()).isEqualTo(ClassLabels.FER2013.names());
        assertThat(vm.heatmap()).hasSize(49);
        assertThat(vm.heatmap().get(4 * 7 + 6)).isEqualTo(new HeatmapCell(4, 6, 5, 5 / 15.0));
        assertThat(vm.heatmap().get(4 * 7 + 4).rowShare()).isEqualTo(10 / 15.0);
        assertThat(vm.perClass()).hasSize(7);
        assertThat(vm.perClass().get(4).recall()).isEqualTo(10 / 15.0);
        assertThat(vm.misclassified()).singleElement().extracting(MisclassifiedFace::caption)
                .isEqualTo("Sad → Neutral (90%)");
        assertThat(vm.modelNameProperty().get()).isEqualTo("run-1");
    }

    @Test
    void unsafeNamesAreRefused() throws IOException {
        vm.show(finishedRun());
        for (String bad : new String[] {"", "  ", "../escape", "a/b", "a\\b", ".hidden", "-dash", "name.", "with space",
                "CON", "nul.txt", "x".repeat(65), "naïve"}) {
            vm.modelNameProperty().set(bad);
            assertThat(vm.nameErrorProperty().get()).as("'%s'", bad).isNotEmpty();
            assertThat(vm.canSaveProperty().get()).as("'%s'", bad).isFalse();
        }
        vm.save();
        assertThat(vm.savedFolderProperty().get()).isNull();

        for (String good : new String[] {"my-model", "cnn3_v2.1", "A", "x".repeat(64), "console"}) {
            vm.modelNameProperty().set(good);
            assertThat(vm.nameErrorProperty().get()).as("'%s'", good).isEmpty();
        }
    }

    @Test
    void savesUnderTheNameAndMakesItTheActiveModel() throws Exception {
        TrainingResult run = finishedRun();
        vm.show(run);
        vm.modelNameProperty().set("my-model");

        vm.save();

        Path saved = services.services().models().userRoot().resolve("my-model");
        assertThat(vm.savedFolderProperty().get()).isEqualTo(saved);
        assertThat(services.errors().reported()).isEmpty();
        LoadedModel loaded = ModelStore.load(saved);
        assertThat(loaded.card().name()).isEqualTo("my-model");
        assertThat(loaded.card().weights()).isEqualTo(run.card().weights());
        assertThat(services.services().models().active()).hasValueSatisfying(active -> {
            assertThat(active.folder()).isEqualTo(saved);
            assertThat(active.card().name()).isEqualTo("my-model");
        });
        assertThat(services.services().models().choices()).anySatisfy(c -> assertThat(c.folder()).isEqualTo(saved));
        assertThat(vm.saveStatusProperty().get()).contains("active model");
        assertThat(run.modelDir()).as("the run keeps its copy").isDirectory();
        try (var siblings = Files.list(saved.getParent())) {
            assertThat(siblings).as("no temporary folders left").containsExactly(saved);
        }
    }

    @Test
    void replacingAModelNeedsConfirmation() throws IOException {
        vm.show(finishedRun());
        vm.activateProperty().set(false);
        vm.modelNameProperty().set("mine");
        assertThat(vm.overwriteWarningProperty().get()).isEmpty();
        vm.save();
        assertThat(confirmations).as("nothing to replace yet").isEmpty();
        assertThat(services.services().models().active()).as("not activated").isEmpty();
        assertThat(vm.overwriteWarningProperty().get()).contains("exists").contains("replaces");

        confirm = false;
        Path card = services.services().models().userRoot().resolve("mine").resolve(ModelStore.CARD_FILE);
        long before = Files.getLastModifiedTime(card).toMillis();
        vm.save();
        assertThat(confirmations).containsExactly("mine");
        assertThat(vm.saveStatusProperty().get()).startsWith("Not saved");
        assertThat(Files.getLastModifiedTime(card).toMillis()).isEqualTo(before);

        confirm = true;
        vm.save();
        assertThat(confirmations).containsExactly("mine", "mine");
        assertThat(vm.saveStatusProperty().get()).startsWith("Saved to");
    }

    @Test
    void aFailedSaveIsReportedAndKeepsTheRun() throws IOException {
        TrainingResult run = finishedRun();
        vm.show(run);
        Files.delete(run.modelDir().resolve(ModelStore.WEIGHTS_FILE));
        vm.modelNameProperty().set("broken");

        vm.save();

        assertThat(services.errors().reported()).singleElement()
                .satisfies(e -> assertThat(e.title()).isEqualTo("Could not save the model as broken"));
        assertThat(services.services().models().userRoot().resolve("broken")).doesNotExist();
        assertThat(vm.canSaveProperty().get()).as("can try again").isTrue();
    }

    @Test
    void aFolderOfOtherFilesIsNeverReplacedEvenWhenConfirmed() throws IOException {
        vm.show(finishedRun());
        Path other = Files.createDirectories(services.services().models().userRoot().resolve("notes"));
        Files.writeString(other.resolve("a.txt"), "mine");
        confirm = true;
        vm.modelNameProperty().set("notes");
        assertThat(vm.overwriteWarningProperty().get()).contains("not a model").contains("choose another name");

        vm.save();

        assertThat(confirmations).isEmpty();
        assertThat(vm.saveStatusProperty().get()).startsWith("Not saved").contains("not a model");
        try (var files = Files.list(other)) {
            assertThat(files).containsExactly(other.resolve("a.txt"));
        }
        assertThat(other.resolve("a.txt")).hasContent("mine");
    }
}
