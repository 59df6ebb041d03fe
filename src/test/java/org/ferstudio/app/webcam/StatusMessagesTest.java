package org.ferstudio.app.webcam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ferstudio.infer.video.CameraUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusMessagesTest {

    @TempDir
    Path tmp;

    @Test
    void aMissingCameraSaysWhatToDoAndKeepsTheHint() {
        String message = StatusMessages.cannotOpen(new VideoChoice.Camera(3),
                new CameraUnavailableException(3, "found /dev/video0; check permissions, /dev/videoN"));
        assertThat(message).isEqualTo("No camera at index 3. Connect a camera or open a video file (MJPG .avi). "
                + "Found /dev/video0; check permissions, /dev/videoN.");
        assertThat(StatusMessages.cannotOpen(new VideoChoice.Camera(1), new IOException("device busy")))
                .as("another failure keeps the library's words")
                .isEqualTo("No camera at index 1. Connect a camera or open a video file (MJPG .avi). Details: device busy");
    }

    @Test
    void anUndecodableFileNamesTheConversion() throws IOException {
        Path film = Files.writeString(tmp.resolve("my film.mp4"), "not a video");
        assertThat(StatusMessages.cannotOpen(new VideoChoice.VideoFile(film), new IOException("cannot decode")))
                .startsWith("my film.mp4 cannot be decoded.")
                .contains("not .mp4", "ffmpeg -i \"my film.mp4\" -c:v mjpeg -q:v 3 -an \"my film.avi\"");
        Path avi = Files.writeString(tmp.resolve("h264.avi"), "RIFF\0\0\0\0AVI LIST");
        assertThat(StatusMessages.cannotDecode(avi)).contains("ffmpeg -i h264.avi -c:v mjpeg -q:v 3 -an h264-mjpg.avi");
    }

    @Test
    void aFileNamedAviThatIsNoVideoIsCalledThatWithoutAConversionHint() throws IOException {
        Path csv = Files.writeString(tmp.resolve("table.avi"), "emotion,pixels,Usage\n");

        assertThat(StatusMessages.cannotDecode(csv))
                .isEqualTo("table.avi is not a video: its first bytes are not those of an AVI file, although it is "
                        + "named .avi.");
    }

    @Test
    void aVanishedFileIsNotBlamedOnTheCodec() {
        assertThat(StatusMessages.cannotOpen(new VideoChoice.VideoFile(tmp.resolve("gone.avi")),
                new IOException("no video file")))
                .startsWith("There is no video file at");
    }

    @Test
    void aFailureAfterTheFirstFrameIsReportedAsIs() {
        IOException unplugged = new IOException("camera 0 stopped delivering frames");
        assertThat(StatusMessages.stopped(new VideoChoice.Camera(0), unplugged, true))
                .isEqualTo("The video stopped: camera 0 stopped delivering frames");
        assertThat(StatusMessages.stopped(new VideoChoice.Camera(0), new IOException("no frame"), false))
                .startsWith("Camera 0 opened but sent no picture");
    }
}
