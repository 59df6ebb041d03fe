package org.ferstudio.app.webcam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.GraphicsEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.ferstudio.app.common.TestServices;
import org.ferstudio.infer.video.VideoSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real camera: needs one at /dev/video0 and a desktop session, so it is skipped headless (CI and the
 * build machine); run it with {@code -Dtest=WebcamCameraTest -Dtestfx.headless=false -Djava.awt.headless=false}.
 */
@Tag("camera")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WebcamCameraTest {

    private static final Path FIRST_CAMERA = Path.of("/dev/video0");

    @TempDir
    Path tmp;

    private TestServices test;
    private UiThreadQueue ui;
    private WebcamViewModel viewModel;

    @BeforeEach
    void needsACamera() throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless() || Boolean.getBoolean("testfx.headless"),
                "skipped: camera tests run on a desktop, not headless");
        assumeTrue(Files.isReadable(FIRST_CAMERA), "skipped: no readable camera at " + FIRST_CAMERA);
        test = TestServices.direct(tmp);
        test.activateNewModel("untrained");
        ui = new UiThreadQueue();
        viewModel = new WebcamViewModel(test.services(), ui);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (viewModel != null) {
            viewModel.close();
            ui.runUntil(() -> !viewModel.isRunning(), Duration.ofSeconds(20));
            test.cleanUp();
        }
    }

    @Test
    void theFirstCameraShowsFramesAndIsReleasedOnStop() throws Exception {
        viewModel.selectedSourceProperty().set(new VideoChoice.Camera(0));
        viewModel.start();
        ui.runUntil(() -> viewModel.frameProperty().get() != null, Duration.ofSeconds(20));
        assertThat(viewModel.frameProperty().get().pixels().width()).isPositive();

        viewModel.stop();
        ui.runUntil(() -> !viewModel.isRunning(), Duration.ofSeconds(20));
        VideoThreads.assertNoneLeft(Duration.ofSeconds(5));
        try (VideoSource again = VideoSource.openCamera(0)) {
            assertThat(again.isLive()).as("the camera was released and opens again").isTrue();
        }
        assertThat(test.errors().reported()).isEmpty();
    }
}
