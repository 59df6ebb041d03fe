package org.ferstudio.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.BackingStoreException;
import org.ferstudio.app.common.TestServices;
import org.ferstudio.data.ClassCount;
import org.ferstudio.data.DataProblem;
import org.ferstudio.data.SplitMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetStepViewModelTest {

    @TempDir
    Path tmp;

    private TestServices services;
    private DatasetStepViewModel vm;

    @BeforeEach
    void setUp() {
        services = TestServices.direct(tmp);
        vm = newViewModel();
    }

    @AfterEach
    void tearDown() throws BackingStoreException {
        services.cleanUp();
    }

    private DatasetStepViewModel newViewModel() {
        return new DatasetStepViewModel(services.services().executor(), services.errors(),
                new TrainingPreferences(services.services().preferences("training")));
    }

    @Test
    void aBadRowIsListedWithItsLineNumberAndSkipped() throws IOException {
        Path csv = WizardData.csvWithBadRow(tmp, 5);
        vm.pathProperty().set(csv.toString());

        vm.validate();

        assertThat(vm.problems()).hasSize(1);
        DataProblem problem = vm.problems().get(0);
        assertThat(problem.location()).isEqualTo("bad.csv line 5");
        assertThat(problem.toString()).contains("line 5").contains("pixels").contains("300");
        assertThat(vm.statusProperty().get()).contains("1 bad row or file will be skipped");
        assertThat(vm.readyProperty().get()).as("the other rows are usable").isTrue();
        assertThat(vm.classCounts()).contains(new ClassCount("Training", "Angry", 9),
                new ClassCount("Training", "Disgust", 10));
        assertThat(vm.summaryProperty().get()).contains("47 images").contains("Training 29");
        assertThat(services.errors().reported()).isEmpty();
    }

    @Test
    void aCsvWithOnlyItsHeaderSaysItHasNoImagesAndIsNotReady() throws IOException {
        Path csv = Files.writeString(tmp.resolve("header.csv"), "emotion,pixels,Usage\n");
        vm.pathProperty().set(csv.toString());

        vm.validate();

        assertThat(vm.statusProperty().get()).isEqualTo("No images: the data holds none.");
        assertThat(vm.readyProperty().get()).isFalse();
    }

    @Test
    void anUnusualClassSetIsNamedInTheSummary() throws IOException {
        for (String name : java.util.List.of("angry", "contempt", "happy")) {
            Path dir = Files.createDirectories(tmp.resolve("faces").resolve(name));
            for (int i = 0; i < 3; i++) {
                javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(48, 48,
                        java.awt.image.BufferedImage.TYPE_BYTE_GRAY), "png", dir.resolve(i + ".png").toFile());
            }
        }
        vm.pathProperty().set(tmp.resolve("faces").toString());

        vm.validate();

        assertThat(vm.summaryProperty().get()).contains("Note: 3 classes (angry, contempt, happy), not FER2013's "
                + "usual seven: contempt is extra");
    }

    @Test
    void anUnusableFileShowsItsProblemAndIsNotReady() throws IOException {
        Path csv = Files.writeString(tmp.resolve("headless.csv"), "label,data\n0,1 2 3\n");
        vm.pathProperty().set(csv.toString());

        vm.validate();

        assertThat(vm.problems()).singleElement().asString().contains("headless.csv line 1");
        assertThat(vm.readyProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).startsWith("The dataset cannot be used");
        assertThat(services.errors().reported()).as("shown in the step, not as a dialog").isEmpty();
    }

    @Test
    void aMissingFileIsAProblemToo() {
        vm.pathProperty().set(tmp.resolve("nowhere.csv").toString());

        vm.validate();

        assertThat(vm.problems()).singleElement().asString().contains("does not exist");
        assertThat(vm.readyProperty().get()).isFalse();
    }

    @Test
    void theSplitModesAreOfferedInWords() {
        assertThat(DatasetStepViewModel.describe(SplitMode.FROM_DATA))
                .isEqualTo("The data's own splits (Usage column or split folders)");
        assertThat(DatasetStepViewModel.describe(SplitMode.RANDOM))
                .isEqualTo("Random split, stratified: 80% train, 10% validation, 10% test");
    }

    @Test
    void theUsageColumnSplitsTheDataAndEditingThePathAsksForANewValidation() throws IOException {
        Path csv = WizardData.csv(tmp, "fer.csv", 30, 9, 9);
        vm.pathProperty().set(csv.toString());
        assertThat(vm.readyProperty().get()).isFalse();

        vm.validate();

        assertThat(vm.splitModes()).containsExactly(SplitMode.FROM_DATA, SplitMode.RANDOM);
        assertThat(vm.splitModeProperty().get()).isEqualTo(SplitMode.FROM_DATA);
        assertThat(vm.splitsProperty().get().train().size()).isEqualTo(30);
        assertThat(vm.splitDescriptionProperty().get()).contains("Training (30)").contains("PrivateTest (9)");
        assertThat(vm.readyProperty().get()).isTrue();

        vm.pathProperty().set(csv + " ");
        assertThat(vm.readyProperty().get()).as("same file, trailing blank").isTrue();
        vm.pathProperty().set(tmp.resolve("other.csv").toString());
        assertThat(vm.readyProperty().get()).isFalse();
        assertThat(vm.problems()).isEmpty();
    }

    @Test
    void dataWithoutSplitsGetsASeededRandomSplitThatFollowsTheSeed() throws IOException {
        vm.pathProperty().set(WizardData.csvWithoutSplits(tmp, "plain.csv", 60).toString());

        vm.validate();

        assertThat(vm.splitModes()).containsExactly(SplitMode.RANDOM);
        assertThat(vm.splitDescriptionProperty().get()).contains("seed 42").contains("80%/10%/10%");
        assertThat(vm.splitsProperty().get().test()).isNotNull();

        vm.splitSeedProperty().set("x");
        assertThat(vm.seedErrorProperty().get()).contains("whole number");
        assertThat(vm.readyProperty().get()).isFalse();

        vm.splitSeedProperty().set("7");
        assertThat(vm.seedErrorProperty().get()).isEmpty();
        assertThat(vm.splitDescriptionProperty().get()).contains("seed 7");
        assertThat(vm.readyProperty().get()).isTrue();
    }

    @Test
    void aRandomSplitOfDataWithSplitsPoolsThem() throws IOException {
        vm.pathProperty().set(WizardData.csv(tmp, "fer.csv", 30, 15, 15).toString());
        vm.validate();

        vm.splitModeProperty().set(SplitMode.RANDOM);

        assertThat(vm.splitsProperty().get().train().size()).isEqualTo(48);
        assertThat(vm.splitDescriptionProperty().get()).contains("seed 42");
    }

    @Test
    void otherClassNamesAreUsedAndBadOnesReported() throws IOException {
        vm.pathProperty().set(WizardData.csv(tmp, "fer.csv", 30, 9, 9).toString());
        vm.classNamesProperty().set(WizardData.CLASS_NAMES);

        vm.validate();

        assertThat(vm.datasetProperty().get().labels().names()).containsExactly("top", "bottom", "left");

        vm.classNamesProperty().set("a,a");
        assertThat(vm.readyProperty().get()).isFalse();
        vm.validate();
        assertThat(vm.problems()).singleElement().asString().contains("listed twice");
    }

    @Test
    void theDatasetAndItsFolderAreRemembered() throws IOException {
        Path csv = WizardData.csv(tmp, "fer.csv", 30, 9, 9);

        vm.choose(csv);

        assertThat(vm.readyProperty().get()).as("choosing validates").isTrue();
        DatasetStepViewModel again = newViewModel();
        assertThat(again.pathProperty().get()).isEqualTo(csv.toString());
        assertThat(again.initialDirectory()).isEqualTo(tmp.toAbsolutePath());
    }
}
