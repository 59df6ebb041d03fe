package org.ferstudio.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.ComboBoxListViewSkin;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.ferstudio.app.common.TestServices;
import org.ferstudio.data.DataProblem;
import org.ferstudio.train.InterruptedRun;
import org.ferstudio.train.InterruptedRuns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The wizard pane in a stage, driven by node id, headless; training is real but tiny. */
@ExtendWith(ApplicationExtension.class)
class TrainingWizardViewTest {

    /** Generous: the machine may be busy with a long training run. */
    private static final long TIMEOUT_SECONDS = 240;

    private Path tmp;
    private TestServices services;
    private TrainingWizardView view;

    @Start
    void start(Stage stage) throws IOException {
        tmp = Files.createTempDirectory("wizard-view");
        services = TestServices.background(tmp, Platform::runLater);
        view = new TrainingWizardView(new TrainingWizardViewModel(services.services(), new PipelineTrainer(),
                tmp.resolve("runs"), tmp.resolve("pretrained")));
        // within Monocle's default 1280x800 headless screen: a larger window is not painted and not clickable
        stage.setScene(new Scene((Parent) view.root(), 1100, 760));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(view::close).get();
        services.cleanUp();
        try (Stream<Path> files = Files.walk(tmp)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void aBadCsvShowsTheLineNumberedErrorInTheProblemList(FxRobot robot) throws Exception {
        Path csv = WizardData.csvWithBadRow(tmp, 4);
        robot.interact(() -> robot.lookup("#datasetPathField").queryAs(TextField.class).setText(csv.toString()));

        robot.clickOn("#validateButton");

        ListView<DataProblem> problems = robot.lookup("#problemList").queryListView();
        waitUntil(() -> !problems.getItems().isEmpty());
        assertThat(fx(() -> problems.getItems().get(0).toString())).startsWith("bad.csv line 4 (pixels)");
        waitUntil(() -> !robot.lookup("#nextButton").queryButton().isDisabled());
        assertThat(shownText(robot.lookup("#splitChoice").queryComboBox()))
                .isEqualTo("The data's own splits (Usage column or split folders)");
        assertThat(services.errors().reported()).isEmpty();
    }

    @Test
    void aTinyTrainingRunFinishesAndShowsItsResults(FxRobot robot) throws Exception {
        Path csv = WizardData.csv(tmp, "tiny.csv", 72, 24, 24);
        Button next = validated(robot, csv);
        robot.clickOn(next);

        robot.interact(() -> {
            robot.lookup("#epochsField").queryAs(TextField.class).setText("1");
            robot.lookup("#batchField").queryAs(TextField.class).setText("16");
        });
        robot.clickOn("#augmentationCheck");
        assertThat(fx(() -> robot.lookup("#augmentationCheck").queryAs(CheckBox.class).isSelected())).isFalse();
        assertThat(fx(() -> robot.lookup("#startFromCombo").queryComboBox().getValue())).isEqualTo(StartingPoint.RANDOM);
        robot.clickOn(next);
        robot.clickOn("#startTrainingButton");
        waitUntil(() -> !next.isDisabled());
        assertThat(fx(() -> view.viewModel().training().trainLoss().size())).isEqualTo(1);
        robot.clickOn(next);

        GridPane matrix = robot.lookup("#confusionMatrixView").queryAs(GridPane.class);
        assertThat(fx(() -> matrix.getChildren().size())).as("header row and column, 3x3 cells").isEqualTo(1 + 3 + 3 + 9);
        assertThat(fx(() -> robot.lookup("#perClassTable").queryAs(TableView.class).getItems().size())).isEqualTo(3);
        assertThat(fx(() -> robot.lookup("#misclassifiedGrid").queryAs(FlowPane.class).getChildren().size())).isPositive();

        robot.interact(() -> robot.lookup("#modelNameField").queryAs(TextField.class).setText("wizard-model"));
        robot.clickOn("#saveModelButton");
        waitUntil(() -> services.services().models().active().isPresent());
        assertThat(services.services().models().active().get().folder())
                .isEqualTo(services.services().models().userRoot().resolve("wizard-model"));
        assertThat(services.errors().reported()).isEmpty();
    }

    @Test
    void anInterruptedRunIsOfferedAndOneTrainedOnOtherDataIsRefusedWithAMessage(FxRobot robot) throws Exception {
        Path csv = WizardData.csv(tmp, "tiny.csv", 72, 24, 24);
        InterruptedRuns.write(tmp.resolve("runs"), "cnn3-other-data", WizardData.request(4).config(), 2);
        Button next = validated(robot, csv);
        robot.clickOn(next);
        robot.clickOn(next);

        ComboBox<InterruptedRun> runs = robot.lookup("#earlierRunCombo").queryComboBox();
        assertThat(fx(() -> runs.getParent().isVisible())).isTrue();
        assertThat(shownText(runs))
                .isEqualTo("cnn3-other-data: epoch 2 of 4 done, best validation 45.0% (epoch 2)");
        robot.clickOn("#resumeEarlierButton");

        waitUntil(() -> view.viewModel().training().stateProperty().get() == TrainingState.FAILED);
        assertThat(services.errors().reported()).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("trained on different data"));
        assertThat(fx(() -> view.viewModel().training().validationAccuracy().size()))
                .as("the charts show the two epochs the run had done").isEqualTo(2);
    }

    /** Chooses and validates {@code csv} in step 1 with the synthetic classes; returns Next, once it is enabled. */
    private static Button validated(FxRobot robot, Path csv) throws Exception {
        robot.interact(() -> {
            robot.lookup("#datasetPathField").queryAs(TextField.class).setText(csv.toString());
            robot.lookup("#classNamesField").queryAs(TextField.class).setText(WizardData.CLASS_NAMES);
        });
        robot.clickOn("#validateButton");
        Button next = robot.lookup("#nextButton").queryButton();
        waitUntil(() -> !next.isDisabled());
        return next;
    }

    /** The text a combo box shows for its value: what its converter makes of it, not the value's toString. */
    private static String shownText(ComboBox<?> combo) throws Exception {
        return fx(() -> ((Labeled) ((ComboBoxListViewSkin<?>) combo.getSkin()).getDisplayNode()).getText());
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> fx(condition));
    }

    /** Reads the scene on the FX thread. */
    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}
