package org.ferstudio.app.webcam;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.ferstudio.app.common.RecordingErrorReporter.Reported;
import org.ferstudio.app.common.TestServices;
import org.ferstudio.app.webcam.WebcamViewModel.Phase;
import org.ferstudio.infer.video.FrameAnalysis;
import org.ferstudio.infer.video.TestClips;
import org.ferstudio.infer.video.TrackedFace;
import org.ferstudio.vision.DetectorChoice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webcam view-model without the JavaFX toolkit: tasks run on the test thread, and the test thread
 * also plays the FX thread by running what the view-model hands to its UI executor.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class WebcamViewModelTest {

    private static final Duration PLAYING = Duration.ofSeconds(90);
    private static final int SHORT_CLIP_FRAMES = 50;

    @TempDir
    static Path clips;

    /** Two seconds at 25 fps: plays to its end quickly. */
    private static Path shortClip;
    /** Twelve seconds: still playing while a test records or stops it. */
    private static Path longClip;

    @TempDir
    Path tmp;

    private TestServices test;
    private UiThreadQueue ui;
    private WebcamViewModel viewModel;
    private final List<FrameAnalysis> shown = new ArrayList<>();

    @BeforeAll
    static void makeClips() throws IOException {
        shortClip = TestClips.obamaClip(Files.createDirectories(clips.resolve("short")), SHORT_CLIP_FRAMES);
        longClip = TestClips.obamaClip(Files.createDirectories(clips.resolve("long")), 300);
    }

    @BeforeEach
    void setUp() throws Exception {
        test = TestServices.direct(tmp);
        test.activateNewModel("untrained");
        ui = new UiThreadQueue();
        viewModel = newViewModel();
        viewModel.frameProperty().addListener((observable, was, now) -> shown.add(now.analysis()));
    }

    @AfterEach
    void tearDown() throws Exception {
        viewModel.close();
        ui.runUntil(() -> !viewModel.isRunning(), PLAYING);
        VideoThreads.assertNoneLeft(Duration.ofSeconds(10));
        test.cleanUp();
    }

    private WebcamViewModel newViewModel() throws IOException {
        Path dev = Files.createDirectories(tmp.resolve("dev"));
        for (String node : new String[] {"video0", "video2"}) {
            if (!Files.exists(dev.resolve(node))) {
                Files.createFile(dev.resolve(node));
            }
        }
        return new WebcamViewModel(test.services(), ui, new CameraDevices(dev, true));
    }

    private void awaitEnd() throws InterruptedException {
        ui.runUntil(() -> !viewModel.isRunning(), PLAYING);
    }

    private void awaitFaces() throws InterruptedException {
        ui.runUntil(() -> viewModel.faceCountProperty().get() > 0, PLAYING);
    }

    private List<String> reportedMessages() {
        return test.errors().reported().stream().map(Reported::message).toList();
    }

    @Test
    void theCamerasFoundAreOfferedAndTheFirstIsSelected() {
        assertThat(viewModel.sources()).containsExactly(new VideoChoice.Camera(0), new VideoChoice.Camera(2));
        assertThat(viewModel.selectedSourceProperty().get()).isEqualTo(new VideoChoice.Camera(0));
        assertThat(viewModel.smoothingProperty().get()).isTrue();
        assertThat(viewModel.canStartProperty().get()).isTrue();
        assertThat(viewModel.canStopProperty().get()).isFalse();
    }

    @Test
    void aClipPlaysToItsEndWithFacesKeepingOneTrackId() throws Exception {
        viewModel.openVideo(shortClip);
        assertThat(viewModel.phaseProperty().get()).isIn(Phase.STARTING, Phase.RUNNING);
        awaitEnd();

        assertThat(test.errors().reported()).isEmpty();
        assertThat(shown).isNotEmpty();
        List<TrackedFace> faces = shown.stream().flatMap(f -> f.faces().stream()).toList();
        assertThat(faces).as("faces over the clip").isNotEmpty();
        assertThat(faces.stream().map(TrackedFace::trackId).distinct()).as("one portrait, one track").hasSize(1);
        assertThat(shown).extracting(FrameAnalysis::frameIndex).isSorted();
        assertThat(shown).allSatisfy(f -> assertThat(f.latencyMs()).isPositive());
        assertThat(viewModel.statusProperty().get()).startsWith("End of obama.avi: ");
        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.IDLE);
        assertThat(viewModel.fpsProperty().get()).isZero();
        assertThat(viewModel.frameProperty().get()).as("the last frame stays shown").isNotNull();
        assertThat(viewModel.sources()).contains(new VideoChoice.VideoFile(shortClip));
    }

    @Test
    void framesReachTheUiThreadCoalescedLatestWins() throws Exception {
        viewModel.openVideo(shortClip);
        // the UI thread stays "busy" while the whole clip plays: the video does not wait for it, and what
        // waits for it is one delivery (of whatever frame is latest when it runs) and the end of the run
        VideoThreads.assertNoneLeft(PLAYING);
        assertThat(ui.pending()).isEqualTo(2);
        awaitEnd();

        assertThat(shown).singleElement()
                .satisfies(f -> assertThat(f.frameIndex()).as("the last frame").isEqualTo(SHORT_CLIP_FRAMES - 1));
        assertThat(viewModel.statusProperty().get()).startsWith("End of obama.avi: ");
    }

    @Test
    void anUnknownCameraGivesTheClearMessage() {
        viewModel.selectedSourceProperty().set(new VideoChoice.Camera(97));
        viewModel.start();

        assertThat(reportedMessages()).singleElement().asString()
                .startsWith("No camera at index 97. Connect a camera or open a video file (MJPG .avi).");
        assertThat(viewModel.statusProperty().get()).startsWith("No camera at index 97.");
        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.IDLE);
        assertThat(viewModel.canStartProperty().get()).as("the user can try again").isTrue();
    }

    @Test
    void aTextFileNamedMp4GivesTheConversionGuidance() throws Exception {
        Path fake = Files.writeString(tmp.resolve("holiday.mp4"), "this is not a video");
        viewModel.openVideo(fake);
        awaitEnd();

        assertThat(reportedMessages()).singleElement().asString()
                .startsWith("holiday.mp4 cannot be decoded.")
                .contains("no FFmpeg", "not .mp4", "ffmpeg -i holiday.mp4 -c:v mjpeg -q:v 3 -an holiday.avi");
        assertThat(viewModel.statusProperty().get()).startsWith("holiday.mp4 cannot be decoded.");
    }

    @Test
    void aDamagedAviGivesTheSameGuidance() throws Exception {
        byte[] header = Arrays.copyOf(Files.readAllBytes(shortClip), 2048);
        Path damaged = Files.write(tmp.resolve("damaged.avi"), header);
        viewModel.openVideo(damaged);
        awaitEnd();

        assertThat(reportedMessages()).singleElement().asString()
                .startsWith("damaged.avi cannot be decoded.")
                .contains("ffmpeg -i damaged.avi -c:v mjpeg -q:v 3 -an damaged-mjpg.avi");
    }

    @Test
    void withoutAnActiveModelStartExplainsWhatIsMissing() throws Exception {
        TestServices withoutModel = TestServices.direct(tmp.resolve("empty"));
        WebcamViewModel idle = new WebcamViewModel(withoutModel.services(), ui, new CameraDevices(tmp, true));
        try {
            idle.start();
            assertThat(withoutModel.errors().reported()).singleElement()
                    .satisfies(r -> assertThat(r.message()).startsWith("No model is active."));
            assertThat(idle.isRunning()).isFalse();
        } finally {
            idle.close();
            withoutModel.cleanUp();
        }
    }

    @Test
    void aSnapshotIsAnAnnotatedPngImageIoCanRead() throws Exception {
        viewModel.openVideo(longClip);
        awaitFaces();
        LiveFrame frame = viewModel.frameProperty().get();
        viewModel.snapshot(tmp.resolve("shots").resolve("face"));

        Path png = tmp.resolve("shots").resolve("face.png");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(TestClips.WIDTH);
        assertThat(image.getHeight()).isEqualTo(TestClips.HEIGHT);
        BufferedImage plain = frame.pixels().toBufferedImage();
        var box = frame.analysis().faces().get(0).result().box();
        int onTheBox = image.getRGB(box.x(), box.y() + box.height() / 2);
        assertThat(onTheBox).as("the box is drawn").isNotEqualTo(plain.getRGB(box.x(), box.y() + box.height() / 2));
        assertThat(viewModel.statusProperty().get()).isEqualTo("Snapshot saved to " + png);
        try (Stream<Path> files = Files.list(png.getParent())) {
            assertThat(files).as("no temporary file left").containsExactly(png);
        }
    }

    @Test
    void anAddedExtensionNeverReplacesAFileTheDialogDidNotAskAbout() throws Exception {
        viewModel.openVideo(longClip);
        awaitFaces();
        Path mine = Files.writeString(tmp.resolve("face.png"), "mine");
        viewModel.snapshot(tmp.resolve("face"));
        assertThat(viewModel.statusProperty().get()).startsWith("Not saved: " + mine + " already exists");
        Path csv = Files.writeString(tmp.resolve("timeline.csv"), "mine too");
        viewModel.startRecording(tmp.resolve("timeline"));
        assertThat(viewModel.recordingProperty().get()).isFalse();
        assertThat(mine).hasContent("mine");
        assertThat(csv).hasContent("mine too");
    }

    @Test
    void recordingWritesTheTimelineCsvOnStop() throws Exception {
        viewModel.openVideo(longClip);
        awaitFaces();
        Path target = tmp.resolve("timeline");
        viewModel.startRecording(target);
        assertThat(viewModel.recordingProperty().get()).isTrue();
        int before = shown.size();
        ui.runUntil(() -> shown.size() >= before + 5, PLAYING);
        viewModel.stopRecording();

        assertThat(viewModel.recordingProperty().get()).isFalse();
        Path csv = tmp.resolve("timeline.csv");
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows.get(0))
                .isEqualTo("frame,time_ms,track,x,y,w,h,Angry,Disgust,Fear,Happy,Sad,Surprise,Neutral,label");
        assertThat(rows.size()).as("a row per face and frame").isGreaterThan(3);
        assertThat(rows.subList(1, rows.size())).allSatisfy(row -> assertThat(row.split(",")).hasSize(15));
        assertThat(viewModel.statusProperty().get()).startsWith("Timeline saved to " + csv);
        assertThat(viewModel.isRunning()).as("the video goes on").isTrue();
    }

    @Test
    void aRecordingIsCommittedWhenTheRunEnds() throws Exception {
        viewModel.openVideo(longClip);
        awaitFaces();
        viewModel.startRecording(tmp.resolve("until-the-end.csv"));
        int before = shown.size();
        ui.runUntil(() -> shown.size() >= before + 2, PLAYING);
        viewModel.stop();
        awaitEnd();

        assertThat(Files.readAllLines(tmp.resolve("until-the-end.csv"))).hasSizeGreaterThan(1);
        assertThat(viewModel.recordingProperty().get()).isFalse();
        assertThat(viewModel.statusProperty().get()).startsWith("Stopped obama.avi").contains("Timeline saved to");
        assertThat(test.errors().reported()).isEmpty();
    }

    @Test
    void stopEndsTheLoopAndReleasesTheSource() throws Exception {
        viewModel.openVideo(longClip);
        ui.runUntil(() -> viewModel.frameProperty().get() != null, PLAYING);
        viewModel.stop();
        VideoThreads.assertNoneLeft(Duration.ofSeconds(1));
        awaitEnd();

        assertThat(viewModel.statusProperty().get()).startsWith("Stopped obama.avi: ");
        assertThat(viewModel.canStartProperty().get()).isTrue();
        assertThat(test.errors().reported()).isEmpty();
    }

    @Test
    void aNewActiveModelRestartsTheRunningVideo() throws Exception {
        viewModel.openVideo(longClip);
        awaitFaces();
        List<Phase> phases = new ArrayList<>();
        viewModel.phaseProperty().addListener((observable, was, now) -> phases.add(now));

        test.activateNewModel("another");
        ui.runUntil(() -> phases.contains(Phase.RUNNING), PLAYING);

        assertThat(phases).containsExactly(Phase.STOPPING, Phase.IDLE, Phase.STARTING, Phase.RUNNING);
        assertThat(viewModel.isRunning()).isTrue();
        assertThat(test.errors().reported()).isEmpty();
    }

    @Test
    void anotherDetectorRestartsTheRunningVideoWithIt() throws Exception {
        viewModel.openVideo(longClip);
        awaitFaces();
        List<Phase> phases = new ArrayList<>();
        viewModel.phaseProperty().addListener((observable, was, now) -> phases.add(now));

        test.services().detection().detectorProperty().set(DetectorChoice.HAAR);
        ui.runUntil(() -> phases.contains(Phase.RUNNING), PLAYING);
        awaitFaces();

        assertThat(phases).containsExactly(Phase.STOPPING, Phase.IDLE, Phase.STARTING, Phase.RUNNING);
        assertThat(viewModel.isRunning()).isTrue();
        assertThat(test.errors().reported()).isEmpty();
    }

    @Test
    void levellingFacesRestartsTheRunningVideoAndItsFacesKeepTheirLandmarks() throws Exception {
        viewModel.openVideo(longClip);
        awaitFaces();
        List<Phase> phases = new ArrayList<>();
        viewModel.phaseProperty().addListener((observable, was, now) -> phases.add(now));

        test.services().detection().alignProperty().set(true);
        ui.runUntil(() -> phases.contains(Phase.RUNNING), PLAYING);
        int before = shown.size();
        ui.runUntil(() -> shown.size() >= before + 3, PLAYING);

        assertThat(phases).containsExactly(Phase.STOPPING, Phase.IDLE, Phase.STARTING, Phase.RUNNING);
        List<TrackedFace> faces = shown.subList(before, shown.size()).stream().flatMap(f -> f.faces().stream()).toList();
        assertThat(faces).as("YuNet's faces, detected or tracked, keep their landmarks").isNotEmpty()
                .allSatisfy(f -> assertThat(f.result().landmarks()).isNotNull());
        assertThat(test.errors().reported()).isEmpty();
    }

    @Test
    void withLandmarksShownTheSnapshotShowsThemToo() throws Exception {
        test.services().detection().showLandmarksProperty().set(true);
        assertThat(viewModel.showLandmarksProperty().get()).isTrue();
        viewModel.openVideo(longClip);
        awaitFaces();
        LiveFrame frame = viewModel.frameProperty().get();
        Path png = tmp.resolve("dots.png");
        viewModel.snapshot(frame, png);

        BufferedImage image = ImageIO.read(png.toFile());
        BufferedImage plain = frame.pixels().toBufferedImage();
        var landmarks = frame.analysis().faces().get(0).result().landmarks();
        assertThat(landmarks).isNotNull();
        for (var p : landmarks.points()) {
            assertThat(image.getRGB((int) p.x(), (int) p.y())).as("a dot at %s", p)
                    .isNotEqualTo(plain.getRGB((int) p.x(), (int) p.y()));
        }
    }

    @Test
    void turningSmoothingOffAppliesWithoutARestartAndIsRemembered() throws Exception {
        viewModel.openVideo(longClip);
        ui.runUntil(() -> viewModel.phaseProperty().get() == Phase.RUNNING && viewModel.frameProperty().get() != null,
                PLAYING);
        assertThat(viewModel.statusProperty().get()).isEqualTo("Playing obama.avi, smoothed");
        List<Phase> phases = new ArrayList<>();
        viewModel.phaseProperty().addListener((observable, was, now) -> phases.add(now));
        long before = viewModel.frameProperty().get().analysis().frameIndex();

        viewModel.smoothingProperty().set(false);
        ui.runUntil(() -> viewModel.frameProperty().get().analysis().frameIndex() > before + 5, PLAYING);

        assertThat(phases).as("no stop, no restart").isEmpty();
        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.RUNNING);
        assertThat(viewModel.statusProperty().get()).isEqualTo("Playing obama.avi");
        assertThat(shown).extracting(FrameAnalysis::frameIndex).as("the clip did not start over").isSorted();
        assertThat(newViewModel().smoothingProperty().get()).isFalse();
    }

    @Test
    void theLastCameraAndVideoFolderAreRemembered() throws Exception {
        viewModel.selectedSourceProperty().set(new VideoChoice.Camera(2));
        Path folder = Files.createDirectories(tmp.resolve("videos"));
        Path fake = Files.writeString(folder.resolve("x.mp4"), "not a video");
        viewModel.openVideo(fake);
        awaitEnd();

        WebcamViewModel again = newViewModel();
        assertThat(again.selectedSourceProperty().get()).isEqualTo(new VideoChoice.Camera(2));
        assertThat(again.videoFolder()).hasValue(folder);
        again.close();
    }

    @Test
    void closeReleasesTheSourceAndStopsFollowingTheModel() throws Exception {
        viewModel.openVideo(longClip);
        ui.runUntil(() -> viewModel.frameProperty().get() != null, PLAYING);
        viewModel.close();
        awaitEnd();
        VideoThreads.assertNoneLeft(Duration.ofSeconds(10));

        test.activateNewModel("after-close");
        viewModel.start();
        assertThat(viewModel.isRunning()).isFalse();
    }

    @Test
    void theExtensionIsAddedWhenMissing() {
        assertThat(WebcamViewModel.withExtension(Path.of("a", "shot"), "png")).isEqualTo(Path.of("a", "shot.png"));
        assertThat(WebcamViewModel.withExtension(Path.of("shot.PNG"), "png")).isEqualTo(Path.of("shot.PNG"));
        assertThat(viewModel.suggestedSnapshotName()).matches("camera-0-\\d{8}-\\d{6}\\.png");
    }
}
