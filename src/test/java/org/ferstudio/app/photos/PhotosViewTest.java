package org.ferstudio.app.photos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.ferstudio.app.common.TestServices;
import org.ferstudio.model.FaceResult;
import org.ferstudio.testutil.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Photos pane in a real (headless) stage, with analysis on worker threads as in the app. A file dialog
 * cannot be driven headless, so photos are added through the view-model; the rest is looked up by node id.
 */
@ExtendWith(ApplicationExtension.class)
class PhotosViewTest {

    private static final long TIMEOUT_SECONDS = 60;

    @TempDir
    Path tmp;

    private TestServices test;
    private PhotosViewModel viewModel;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        test = TestServices.background(tmp, Platform::runLater);
        test.activateNewModel("untrained");
        viewModel = new PhotosViewModel(test.services());
        stage.setScene(new Scene((Parent) new PhotosView(viewModel).root(), 1200, 760));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(viewModel::close).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        test.cleanUp();
    }

    @Test
    void addingTheGroupPhotoListsItsThreeFacesAndDrawsProbabilityBars(FxRobot robot) throws Exception {
        Path photo = SharedData.photo("2008_002506.jpg");

        robot.interact(() -> viewModel.addFiles(List.of(photo)));

        ListView<FaceResult> faceList = robot.lookup("#faceList").queryListView();
        waitUntil(() -> faceList.getItems().size() == 3 && !viewModel.busyProperty().get());
        assertThat(faceList.getSelectionModel().getSelectedIndex()).isZero();
        assertThat(robot.lookup("#probabilityChart ." + ProbabilityBars.BAR_STYLE_CLASS).queryAll()).hasSize(7);
        ListView<PhotoEntry> photoList = robot.lookup("#photoList").queryListView();
        assertThat(photoList.getItems()).hasSize(1);
        assertThat(photoList.getSelectionModel().getSelectedItem()).isSameAs(viewModel.photos().get(0));
        assertThat(robot.lookup("#statusLabel").queryAs(Label.class).getText()).isEqualTo("1 photo, 3 faces");
        assertThat(robot.lookup("#exportPngButton").query().isDisabled()).isFalse();
        assertThat(robot.lookup("#cancelButton").query().isDisabled()).isTrue();
    }

    @Test
    void clickingAFaceBoxSelectsThatFaceAtAnyWindowSize(FxRobot robot) throws Exception {
        Path photo = SharedData.photo("2008_002506.jpg");
        robot.interact(() -> viewModel.addFiles(List.of(photo)));
        ListView<FaceResult> faceList = robot.lookup("#faceList").queryListView();
        waitUntil(() -> faceList.getItems().size() == 3 && !viewModel.busyProperty().get()
                && viewModel.selectedImageProperty().get() != null);

        robot.clickOn(centreOfFace(robot, 1));
        waitUntil(() -> viewModel.selectedFaceIndexProperty().get() == 1);
        assertThat(faceList.getSelectionModel().getSelectedIndex()).isEqualTo(1);

        robot.interact(() -> {
            stage.setWidth(820);
            stage.setHeight(520);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(centreOfFace(robot, 2));
        waitUntil(() -> viewModel.selectedFaceIndexProperty().get() == 2);
        assertThat(faceList.getSelectionModel().getSelectedIndex()).isEqualTo(2);
    }

    /** Where face {@code index} is drawn now, in screen coordinates, through the canvas's own geometry. */
    private Point2D centreOfFace(FxRobot robot, int index) throws Exception {
        Canvas canvas = robot.lookup("#photoCanvas").query();
        return WaitForAsyncUtils.asyncFx(() -> {
            FitGeometry geometry = ((PhotoCanvas) canvas.getParent()).geometry().orElseThrow();
            FitGeometry.ViewRect box = geometry.toView(viewModel.faces().get(index).box());
            return canvas.localToScreen(box.x() + box.width() / 2, box.y() + box.height() / 2);
        }).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** Polls a condition on the FX thread, where the state it reads lives. */
    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(condition).get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }
}
