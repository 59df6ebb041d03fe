package org.ferstudio.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.ferstudio.app.common.DetectionOptions;
import org.ferstudio.app.common.ModelChoice;
import org.ferstudio.app.common.TestServices;
import org.ferstudio.nets.Nd4jRuntime;
import org.ferstudio.vision.DetectorChoice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The whole main window as the app assembles it, headless: three screens, the model picker and the status bar. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @TempDir
    Path tmp;

    private TestServices test;
    private MainWindow window;
    private Path second;

    @Start
    void start(Stage stage) throws Exception {
        test = TestServices.background(tmp, Platform::runLater);
        Path first = test.addShippedModel("first");
        second = test.addShippedModel("second");
        Screens screens = Screens.create(test.services());
        MainViewModel viewModel = new MainViewModel(test.services(), first, Nd4jRuntime::describe);
        window = new MainWindow(viewModel, screens.panes(), "test");
        stage.setScene(new Scene(window.root(), 1200, 760));
        stage.show();
        viewModel.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(window::close).get(30, TimeUnit.SECONDS);
        test.cleanUp();
    }

    @Test
    void startsWithAllScreensTheActiveModelAndTheBackend(FxRobot robot) throws Exception {
        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).extracting(Tab::getText).containsExactly("Photos", "Webcam", "Training");
        assertThat(robot.lookup("#photosPane").tryQuery()).isPresent();

        Label model = robot.lookup("#statusModelLabel").queryAs(Label.class);
        Label backend = robot.lookup("#statusBackendLabel").queryAs(Label.class);
        waitUntil(() -> model.getText().startsWith("Model: first") && backend.getText().contains("CPU"));
        assertThat(backend.getText()).contains("threads");
        ComboBox<ModelChoice> picker = robot.lookup("#modelCombo").queryComboBox();
        assertThat(picker.getItems()).hasSize(2);
        assertThat(picker.getValue().card().name()).isEqualTo("first");
        assertThat(test.errors().reported()).isEmpty();
    }

    @Test
    void theDetailsButtonOpensTheActiveModelsCard(FxRobot robot) throws Exception {
        Label model = robot.lookup("#statusModelLabel").queryAs(Label.class);
        waitUntil(() -> model.getText().startsWith("Model: first"));

        robot.clickOn("#modelDetailsButton");
        waitUntil(() -> robot.lookup("#modelFacts").tryQuery().isPresent());
        javafx.scene.layout.GridPane facts = robot.lookup("#modelFacts").queryAs(javafx.scene.layout.GridPane.class);
        assertThat(facts.getChildren()).filteredOn(n -> n instanceof Label).extracting(n -> ((Label) n).getText())
                .contains("Name", "first", "Test accuracy", "Training");
        assertThat(robot.lookup("#classRecallTable").queryTableView().getItems()).isNotEmpty();
        assertThat(test.errors().reported()).isEmpty();
    }

    @Test
    void pickingAnotherModelActivatesItForEveryScreen(FxRobot robot) throws Exception {
        Label model = robot.lookup("#statusModelLabel").queryAs(Label.class);
        waitUntil(() -> model.getText().startsWith("Model: first"));
        ComboBox<ModelChoice> picker = robot.lookup("#modelCombo").queryComboBox();

        robot.interact(() -> picker.getSelectionModel().select(1));

        waitUntil(() -> model.getText().startsWith("Model: second"));
        assertThat(test.services().models().active().orElseThrow().folder()).isEqualTo(second);
    }

    @Test
    void theDetectorChosenInTheMenuIsShownAndRememberedForTheNextStart(FxRobot robot) throws Exception {
        Label detector = robot.lookup("#statusDetectorLabel").queryAs(Label.class);
        assertThat(detector.getText()).isEqualTo("Faces: YuNet");

        robot.clickOn("#detectionMenu");
        robot.clickOn("#haarDetectorItem");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(detector.getText()).isEqualTo("Faces: Haar cascade");
        assertThat(new DetectionOptions(test.services().preferences().node("detection")).detector())
                .isEqualTo(DetectorChoice.HAAR);
        assertThat(test.errors().reported()).isEmpty();
    }

    @Test
    void everyTabOpensByClick(FxRobot robot) throws Exception {
        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        for (String title : new String[] {"Webcam", "Training", "Photos"}) {
            robot.clickOn(title);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo(title);
        }
        assertThat(robot.lookup("#webcamPane").tryQuery()).isPresent();
        assertThat(robot.lookup("#trainingWizard").tryQuery()).isPresent();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }
}
