package org.ferstudio.infer.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ferstudio.face.TestTimeAugmentation;
import org.ferstudio.infer.EmotionRecognizer;
import org.ferstudio.model.FaceBox;
import org.ferstudio.model.SampleCards;
import org.ferstudio.nets.Architectures;
import org.ferstudio.nets.NetworkSpec;
import org.ferstudio.store.LoadedModel;
import org.ferstudio.vision.HaarFaceDetector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The whole video path with the real Haar detector on a clip made from a real portrait. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class VideoPipelineTest {

    private static final int FRAMES = 30;

    @TempDir
    Path tmp;

    @Test
    void aMovingPortraitKeepsOneTrackIdThroughTheTimeline() throws Exception {
        Path clip = TestClips.obamaClip(tmp, FRAMES);
        LoadedModel model = new LoadedModel(tmp, SampleCards.complete(),
                Architectures.byId("cnn3").build(NetworkSpec.forInference(7)));
        EmotionRecognizer recognizer = new EmotionRecognizer(model, new HaarFaceDetector(), TestTimeAugmentation.NONE);
        List<FrameAnalysis> frames = new ArrayList<>();
        List<Throwable> errors = new ArrayList<>();
        LiveLoop loop = new LiveLoop(VideoSource.openFile(clip), recognizer, new LiveLoop.Settings(1, 0.5, false, 0),
                new LiveListener() {
                    @Override
                    public void onFrame(Frame frame, FrameAnalysis analysis) {
                        frames.add(analysis);
                    }

                    @Override
                    public void onError(Throwable error) {
                        errors.add(error);
                    }
                });
        loop.start();
        loop.awaitEnd();

        assertThat(errors).isEmpty();
        assertThat(frames).hasSize(FRAMES);
        List<FaceBox> boxes = frames.stream().flatMap(f -> f.faces().stream()).map(f -> f.result().box()).toList();
        assertThat(boxes.size()).as("a face in nearly every frame").isGreaterThanOrEqualTo(FRAMES - 2);
        assertThat(frames.stream().flatMap(f -> f.faces().stream()).map(TrackedFace::trackId).distinct())
                .containsExactly(1);
        // the portrait moves 3 px per frame: 87 px over the clip, give or take the detector's jitter
        double moved = boxes.get(boxes.size() - 1).centerX() - boxes.get(0).centerX();
        assertThat(moved).isBetween(60.0, 115.0);
    }
}
