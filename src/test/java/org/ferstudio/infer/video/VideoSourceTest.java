package org.ferstudio.infer.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoSourceTest {

    @TempDir
    Path tmp;

    @Test
    void readsEveryFrameOfAnMjpgAviWithItsTime() throws IOException {
        Path clip = TestClips.obamaClip(tmp, 12);
        List<Long> times = new ArrayList<>();
        try (VideoSource source = VideoSource.openFile(clip)) {
            assertThat(source.name()).isEqualTo("obama.avi");
            assertThat(source.isLive()).isFalse();
            assertThat(source.fps()).hasValue(TestClips.FPS);
            assertThat(source.frameCount()).hasValue(12);
            for (Frame next = source.read(); next != null; next = source.read()) {
                try (Frame frame = next) {
                    assertThat(frame.index()).isEqualTo(times.size());
                    assertThat(frame.width()).isEqualTo(TestClips.WIDTH);
                    assertThat(frame.height()).isEqualTo(TestClips.HEIGHT);
                    assertThat(frame.bgrPixels()).hasSize(TestClips.WIDTH * TestClips.HEIGHT * 3);
                    // the background is mid grey, in colour and in the grey image
                    assertThat(frame.grey().at(5, 5)).isBetween(120, 136);
                    times.add(frame.timestampMs());
                }
            }
        }
        assertThat(times).containsExactly(0L, 40L, 80L, 120L, 160L, 200L, 240L, 280L, 320L, 360L, 400L, 440L);
    }

    @Test
    void aMissingFileIsNamed() {
        Path absent = tmp.resolve("absent.avi");
        assertThatThrownBy(() -> VideoSource.openFile(absent))
                .isInstanceOf(IOException.class)
                .hasMessage("no video file at " + absent);
    }

    @Test
    void anMp4SaysWhatThisBuildReadsAndHowToConvert() throws IOException {
        Path mp4 = tmp.resolve("clip.mp4");
        // the start of an MP4 ("ftyp" box); the bundled OpenCV has no demuxer for it
        Files.write(mp4, new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm'});
        assertThatThrownBy(() -> VideoSource.openFile(mp4))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot decode clip.mp4: this build of OpenCV reads MJPG .avi files and cameras, not MP4/H.264; "
                        + "convert it with `ffmpeg -i clip.mp4 -c:v mjpeg -q:v 3 -an clip.avi`");
    }

    @Test
    void aBrokenAviSaysItNeedsMjpg() throws IOException {
        Path avi = tmp.resolve("broken.avi");
        Files.writeString(avi, "RIFF\0\0\0\0AVI LIST, and then nothing");
        assertThatThrownBy(() -> VideoSource.openFile(avi))
                .hasMessageStartingWith("cannot decode broken.avi: ")
                .hasMessageContaining("MJPG")
                .hasMessageEndingWith("`ffmpeg -i broken.avi -c:v mjpeg -q:v 3 -an broken-mjpg.avi`");
    }

    @Test
    void aFileNamedAviThatIsNoAviSaysSoWithoutContradictingItself() throws IOException {
        Path avi = tmp.resolve("table.avi");
        Files.writeString(avi, "emotion,pixels,Usage\n");
        assertThatThrownBy(() -> VideoSource.openFile(avi))
                .hasMessage("cannot decode table.avi: it is not an AVI video (its first bytes are not those of an AVI "
                        + "file), although it is named .avi");
    }

    @Test
    void anUnknownCameraIndexIsReportedWithWhatWasFound() {
        assertThatThrownBy(() -> VideoSource.openCamera(97))
                .isInstanceOf(CameraUnavailableException.class)
                .hasMessageStartingWith("no camera at index 97 (")
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("found none", "found /dev/video", "permissions"))
                .satisfies(e -> {
                    CameraUnavailableException unavailable = (CameraUnavailableException) e;
                    assertThat(unavailable.index()).isEqualTo(97);
                    assertThat(e.getMessage()).endsWith("(" + unavailable.hint() + ")");
                });
    }
}
