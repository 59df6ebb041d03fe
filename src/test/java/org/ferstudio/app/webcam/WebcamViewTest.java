package org.ferstudio.app.webcam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.ferstudio.app.common.TestServices;
import org.ferstudio.infer.video.DemoClip;
import org.assertj.core.data.Offset;
import org.ferstudio.model.FaceBox;
import org.ferstudio.testutil.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The webcam pane in a stage, driven by node id, playing a clip made from the group photo. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class WebcamViewTest {

    private static final long WAIT_SECONDS = 90;

    @TempDir
    static Path clipDir;

    private static Path clip;

    @TempDir
    Path tmp;

    private TestServices test;
    private AnsweringDialogs dialogs;
    private WebcamView view;
    private Stage stage;

    /** Answers the pane's file dialogs with prepared paths, as a user picking files would. */
    private static final class AnsweringDialogs implements FileDialogs {

        volatile Path video;
        volatile Path snapshot;
        volatile Path timeline;

        @Override
        public Optional<Path> chooseVideo(Window owner, Optional<Path> folder) {
            return Optional.ofNullable(video);
        }

        @Override
        public Optional<Path> chooseSnapshotTarget(Window owner, Optional<Path> folder, String suggestedName) {
            return Optional.ofNullable(snapshot);
        }

        @Override
        public Optional<Path> chooseTimelineTarget(Window owner, Optional<Path> folder, String suggestedName) {
            return Optional.ofNullable(timeline);
        }
    }

    @BeforeAll
    static void makeClip() throws IOException {
        // the group photo: several faces, so several boxes; 8 s keeps it playing through each test
        clip = DemoClip.make(SharedData.photo("2008_002506.jpg"), clipDir.resolve("group.avi"), 200, 640, 480, 25);
    }

    @Start
    void start(Stage primary) throws Exception {
        stage = primary;
        test = TestServices.background(tmp, Platform::runLater);
        test.activateNewModel("untrained");
        dialogs = new AnsweringDialogs();
        Path dev = Files.createDirectories(tmp.resolve("dev"));
        Files.createFile(dev.resolve("video0"));
        CameraDevices oneCamera = new CameraDevices(dev, true);
        WebcamViewModel viewModel = new WebcamViewModel(test.services(), Platform::runLater, oneCamera);
        view = new WebcamView(viewModel, dialogs);
        stage.setScene(new Scene((Parent) view.root(), 900, 650));
        stage.show();
    }

    @AfterEach
    void closePane() throws Exception {
        onFx(() -> {
            view.close();
            return null;
        });
        waitUntil(() -> !view.viewModel().isRunning());
        VideoThreads.assertNoneLeft(Duration.ofSeconds(10));
        test.cleanUp();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> onFx(condition));
    }

    private void playClipWithFaces(FxRobot robot) throws Exception {
        dialogs.video = clip;
        robot.clickOn("#openVideoButton");
        waitUntil(() -> view.viewModel().faceCountProperty().get() > 0 && !view.overlayBoxes().isEmpty()
                && view.viewModel().fpsProperty().get() > 0);
    }

    /** Every box drawn lies on the video, where the frame's face box maps to at the current size. */
    private void assertBoxesOnTheFaces() throws Exception {
        onFx(() -> {
            LiveFrame frame = view.viewModel().frameProperty().get();
            List<FaceBox> faces = frame.analysis().faces().stream().map(f -> f.result().box()).toList();
            List<Rectangle2D> drawn = view.overlayBoxes();
            Rectangle2D video = view.videoArea();
            double scale = video.getWidth() / frame.pixels().width();
            assertThat(drawn).hasSameSizeAs(faces);
            for (int i = 0; i < faces.size(); i++) {
                Rectangle2D box = drawn.get(i);
                assertThat(box.getMinX()).isCloseTo(video.getMinX() + faces.get(i).x() * scale, within(0.5));
                assertThat(box.getMinY()).isCloseTo(video.getMinY() + faces.get(i).y() * scale, within(0.5));
                assertThat(box.getWidth()).isCloseTo(faces.get(i).width() * scale, within(0.5));
                assertThat(video.contains(box)).as("box %s on the video %s", box, video).isTrue();
            }
            return null;
        });
    }

    private void resize(double width, double height) {
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(width);
        stage.setHeight(height);
    }

    private static Offset<Double> within(double offset) {
        return Offset.offset(offset);
    }

    @Test
    void aPlayingVideoShowsItsFacesInTheOverlayWithFpsAndLatency(FxRobot robot) throws Exception {
        playClipWithFaces(robot);

        assertBoxesOnTheFaces();
        assertThat(onFx(() -> view.overlayBoxes().size())).isGreaterThanOrEqualTo(1);
        assertThat(robot.lookup("#fpsLabel").queryLabeled().getText()).matches("\\d+\\.\\d fps");
        assertThat(robot.lookup("#latencyLabel").queryLabeled().getText()).matches("latency \\d+ ms");
        assertThat(robot.lookup("#statusLabel").queryLabeled().getText()).isEqualTo("Playing group.avi, smoothed");
        assertThat(robot.lookup("#startButton").queryButton().isDisabled()).isTrue();

        robot.clickOn("#stopButton");
        waitUntil(() -> !view.viewModel().isRunning());
        assertThat(robot.lookup("#startButton").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup("#fpsLabel").queryLabeled().getText()).isEqualTo("– fps");
        assertThat(test.errors().reported()).isEmpty();
    }

    @Test
    void theLandmarksAreDrawnWhileTheOptionIsOn(FxRobot robot) throws Exception {
        playClipWithFaces(robot);
        assertThat(onFx(() -> view.overlayLandmarks())).as("off by default").isEmpty();

        robot.interact(() -> test.services().detection().showLandmarksProperty().set(true));
        waitUntil(() -> !view.overlayLandmarks().isEmpty());
        onFx(() -> {
            List<Point2D> dots = view.overlayLandmarks();
            Rectangle2D video = view.videoArea();
            assertThat(dots).as("five per face").hasSize(5 * view.overlayBoxes().size());
            assertThat(dots).allSatisfy(p -> assertThat(video.contains(p)).as("%s on the video", p).isTrue());
            return null;
        });

        robot.interact(() -> test.services().detection().showLandmarksProperty().set(false));
        waitUntil(() -> view.overlayLandmarks().isEmpty());
    }

    @Test
    void theOverlayStaysOnTheFacesAtEveryWindowSize(FxRobot robot) throws Exception {
        playClipWithFaces(robot);
        double wideVideo = onFx(() -> view.videoArea().getWidth());

        // within Monocle's 1280x800 headless screen: a stage reaching past it fails in the software painter
        robot.interact(() -> resize(480, 700));
        waitUntil(() -> view.videoArea().getWidth() < wideVideo && !view.overlayBoxes().isEmpty());
        assertBoxesOnTheFaces();

        robot.interact(() -> resize(1100, 450));
        waitUntil(() -> view.videoArea().getHeight() < 400 && !view.overlayBoxes().isEmpty());
        assertBoxesOnTheFaces();
    }

    @Test
    void theSnapshotAndRecordButtonsWriteTheirFiles(FxRobot robot) throws Exception {
        playClipWithFaces(robot);
        dialogs.timeline = tmp.resolve("out").resolve("timeline.csv");
        dialogs.snapshot = tmp.resolve("out").resolve("frame.png");

        robot.clickOn("#recordButton");
        waitUntil(() -> view.viewModel().recordingProperty().get());
        assertThat(robot.lookup("#recordButton").queryButton().getText()).isEqualTo("Stop recording");
        long recordedFrom = onFx(() -> view.viewModel().frameProperty().get().analysis().frameIndex());
        waitUntil(() -> view.viewModel().frameProperty().get().analysis().frameIndex() > recordedFrom + 2);
        robot.clickOn("#recordButton");
        waitUntil(() -> !view.viewModel().recordingProperty().get());
        robot.clickOn("#snapshotButton");
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> Files.exists(dialogs.snapshot));

        assertThat(Files.readAllLines(dialogs.timeline).get(0)).startsWith("frame,time_ms,track,");
        assertThat(Files.readAllLines(dialogs.timeline)).hasSizeGreaterThan(1);
        assertThat(robot.lookup("#recordButton").queryButton().getText()).isEqualTo("Record timeline…");
        assertThat(test.errors().reported()).isEmpty();
    }

    @Test
    void aMissingCameraIsExplainedAndThePaneKeepsWorking(FxRobot robot) throws Exception {
        robot.interact(() -> view.viewModel().selectedSourceProperty().set(new VideoChoice.Camera(97)));
        robot.clickOn("#startButton");
        waitUntil(() -> !view.viewModel().isRunning() && !test.errors().reported().isEmpty());

        assertThat(robot.lookup("#statusLabel").queryLabeled().getText())
                .startsWith("No camera at index 97. Connect a camera or open a video file (MJPG .avi).");
        assertThat(test.errors().reported()).singleElement()
                .satisfies(r -> assertThat(r.title()).isEqualTo("Could not start the video"));
        assertThat(robot.lookup("#startButton").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup("#sourceCombo").queryComboBox().getItems()).containsExactly(new VideoChoice.Camera(0));
    }

    @Test
    void leavingThePaneReleasesTheVideo(FxRobot robot) throws Exception {
        playClipWithFaces(robot);
        robot.interact(view::hidden);
        waitUntil(() -> !view.viewModel().isRunning());
        VideoThreads.assertNoneLeft(Duration.ofSeconds(10));
        assertThat(robot.lookup("#statusLabel").queryLabeled().getText()).startsWith("Stopped group.avi");
    }

    @Test
    void theSmoothingCheckIsTheViewModelsSetting(FxRobot robot) {
        CheckBox smoothing = robot.lookup("#smoothingCheck").queryAs(CheckBox.class);
        assertThat(smoothing.isSelected()).isTrue();
        robot.clickOn("#smoothingCheck");
        assertThat(view.viewModel().smoothingProperty().get()).isFalse();
        Button snapshot = robot.lookup("#snapshotButton").queryButton();
        assertThat(snapshot.isDisabled()).as("nothing to save before the first frame").isTrue();
        assertThat(robot.lookup("#videoView").tryQuery()).isPresent();
        assertThat(robot.lookup("#overlayCanvas").tryQuery()).isPresent();
        assertThat(robot.lookup("#facesLabel").queryAs(Labeled.class).getText()).isEqualTo("0 faces");
    }
}
