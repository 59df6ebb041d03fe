package org.ferstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ferstudio.infer.video.TestClips;
import org.ferstudio.model.SampleCards;
import org.ferstudio.nets.Architectures;
import org.ferstudio.nets.NetworkSpec;
import org.ferstudio.store.ModelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 300, unit = TimeUnit.SECONDS)
class VideoCommandTest {

    @TempDir
    Path tmp;

    private Path untrainedModel() throws IOException {
        Path dir = tmp.resolve("model");
        ModelStore.save(dir, Architectures.byId("cnn3").build(NetworkSpec.forInference(7)), SampleCards.complete());
        return dir;
    }

    @Test
    void processesAClipIntoATimelineAnAnnotatedVideoAndASummary() throws IOException {
        Path clip = TestClips.obamaClip(tmp, 20);
        Path csv = tmp.resolve("timeline.csv");
        Path avi = tmp.resolve("annotated.avi");
        CliRun r = CliRun.of("video", clip.toString(), "--model", untrainedModel().toString(), "--timeline", csv.toString(),
                "--annotate", avi.toString(), "--smooth", "0.6", "--detect-every", "2");

        assertThat(r.err()).doesNotContain("error");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("track").contains("#1").contains("20 frames of obama.avi")
                .contains("fps, average latency").contains("ms per frame").contains("timeline: " + csv).contains("annotated video: " + avi);
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows.get(0)).startsWith("frame,time_ms,track,x,y,w,h,Angry,").endsWith(",Neutral,label");
        assertThat(rows.subList(1, rows.size())).isNotEmpty().allSatisfy(row -> assertThat(row.split(",")[2]).isEqualTo("1"));
        assertThat(avi).isNotEmptyFile();
    }

    @Test
    void maxFramesLimitsTheRun() throws IOException {
        Path clip = TestClips.obamaClip(tmp, 20);
        CliRun r = CliRun.of("video", clip.toString(), "--model", untrainedModel().toString(), "--max-frames", "4");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("4 frames of obama.avi");
    }

    @Test
    void eitherDetectorTracksTheOneFace() throws IOException {
        Path clip = TestClips.obamaClip(tmp, 6);
        Path model = untrainedModel();
        for (String detector : new String[] {"yunet", "haar"}) {
            Path csv = tmp.resolve(detector + ".csv");
            CliRun r = CliRun.of("video", clip.toString(), "--model", model.toString(), "--detector", detector,
                    "--timeline", csv.toString());
            assertThat(r.exit()).as(detector + ": " + r.err()).isZero();
            assertThat(Files.readAllLines(csv).subList(1, 7)).as(detector)
                    .allSatisfy(row -> assertThat(row.split(",")[2]).isEqualTo("1"));
        }
    }

    @Test
    void levelledFacesAndLandmarksInTheAnnotatedVideo() throws IOException {
        Path clip = TestClips.obamaClip(tmp, 6);
        Path avi = tmp.resolve("levelled.avi");
        CliRun r = CliRun.of("video", clip.toString(), "--model", untrainedModel().toString(), "--align", "on",
                "--landmarks", "--annotate", avi.toString(), "--detect-every", "3");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("6 frames of obama.avi");
        assertThat(avi).isNotEmptyFile();

        CliRun wrong = CliRun.of("video", clip.toString(), "--align", "sometimes");
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).contains("--align").contains("expected on or off");
    }

    @Test
    void unreadableSourcesGiveClearErrors() throws IOException {
        CliRun missing = CliRun.of("video", tmp.resolve("absent.avi").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).startsWith("error: no video file at ").contains("absent.avi");

        Path mp4 = tmp.resolve("clip.mp4");
        Files.write(mp4, new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'});
        CliRun decode = CliRun.of("video", mp4.toString());
        assertThat(decode.exit()).isEqualTo(1);
        assertThat(decode.err()).startsWith("error: cannot decode clip.mp4: ").contains("MP4/H.264")
                .contains("ffmpeg -i clip.mp4 -c:v mjpeg -q:v 3 -an clip.avi");

        Path csv = Files.writeString(tmp.resolve("table.avi"), "emotion,pixels,Usage\n");
        CliRun notAvi = CliRun.of("video", csv.toString());
        assertThat(notAvi.exit()).isEqualTo(1);
        assertThat(notAvi.err()).startsWith("error: cannot decode table.avi: it is not an AVI video")
                .doesNotContain("whose video is MJPG");

        CliRun camera = CliRun.of("video", "--camera", "97");
        assertThat(camera.exit()).isEqualTo(1);
        assertThat(camera.err()).startsWith("error: no camera at index 97 (");
    }

    @Test
    void withoutAModelTheDefaultFolderIsNamedWithWhatToDo() throws IOException {
        Path clip = TestClips.obamaClip(tmp, 2);
        String before = System.getProperty("fer.home");
        System.setProperty("fer.home", tmp.toString());
        try {
            CliRun r = CliRun.of("video", clip.toString());
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err()).contains(Path.of("models", "fer-cnn3").toString()).contains("train").contains("--model DIR");
        } finally {
            if (before == null) {
                System.clearProperty("fer.home");
            } else {
                System.setProperty("fer.home", before);
            }
        }
    }

    @Test
    void optionsAreCheckedBeforeAnythingIsOpened() {
        CliRun none = CliRun.of("video");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("give either a video FILE or --camera N");

        CliRun both = CliRun.of("video", "clip.avi", "--camera", "0");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("give either a video FILE or --camera N");

        CliRun smooth = CliRun.of("video", "clip.avi", "--smooth", "1");
        assertThat(smooth.exit()).isEqualTo(2);
        assertThat(smooth.err()).contains("--smooth");

        CliRun mp4Out = CliRun.of("video", "clip.avi", "--annotate", "out.mp4");
        assertThat(mp4Out.exit()).isEqualTo(2);
        assertThat(mp4Out.err()).contains("--annotate must name an .avi file");
    }

    @Test
    void helpShowsTheOptions() {
        CliRun r = CliRun.of("video", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage: fer-studio video").contains("--camera").contains("--timeline")
                .contains("--annotate").contains("--smooth").contains("--detect-every").contains("--max-frames")
                .contains("--align").contains("--landmarks");
    }
}
