package org.ferstudio.infer.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.ferstudio.face.TestTimeAugmentation;
import org.ferstudio.infer.EmotionRecognizer;
import org.ferstudio.model.FaceBox;
import org.ferstudio.model.SampleCards;
import org.ferstudio.nets.Architectures;
import org.ferstudio.nets.NetworkSpec;
import org.ferstudio.store.LoadedModel;
import org.ferstudio.task.ProgressReporter;
import org.ferstudio.vision.FaceDetector;
import org.ferstudio.vision.GreyImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The loop's threading and bookkeeping, with a scripted detector; the real detector is in VideoPipelineTest. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LiveLoopTest {

    private static final int FRAMES = 30;

    @TempDir
    static Path clipDir;

    @TempDir
    Path tmp;

    private static Path clip;
    private static LoadedModel model;

    @BeforeAll
    static void prepare() throws IOException {
        clip = TestClips.obamaClip(clipDir, FRAMES);
        // untrained: the labels are meaningless, but tracking and bookkeeping do not depend on them
        model = new LoadedModel(clipDir, SampleCards.complete(), Architectures.byId("cnn3").build(NetworkSpec.forInference(7)));
        // the first inference sets up native buffers (up to a second); the timing tests must not see that
        new EmotionRecognizer(model, new ScriptedDetector(), TestTimeAugmentation.NONE)
                .classifyFaces(new GreyImage(64, 64, new byte[64 * 64]), List.of(new FaceBox(0, 0, 64, 64)));
    }

    /** Finds "the face" where the clip puts the portrait on the k-th call: k frames after the first. */
    private static final class ScriptedDetector implements FaceDetector {

        final AtomicInteger calls = new AtomicInteger();

        @Override
        public List<FaceBox> detect(GreyImage image) {
            int k = calls.getAndIncrement();
            return List.of(new FaceBox(TestClips.FIRST_LEFT + 100 + TestClips.SHIFT_PER_FRAME * k, 120, 160, 160));
        }
    }

    /** Keeps everything the loop reports. */
    private static class Recorder implements LiveListener {

        final List<FrameAnalysis> frames = Collections.synchronizedList(new ArrayList<>());
        final List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        final List<LoopStats> finished = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void onFrame(Frame frame, FrameAnalysis analysis) throws Exception {
            assertThat(frame.index()).isEqualTo(analysis.frameIndex());
            frames.add(analysis);
        }

        @Override
        public void onError(Throwable error) {
            errors.add(error);
        }

        @Override
        public void onFinished(LoopStats stats) {
            assertThat(finished).as("onFinished comes once").isEmpty();
            finished.add(stats);
        }
    }

    private static LiveLoop loop(FaceDetector detector, LiveLoop.Settings settings, LiveListener listener) throws IOException {
        EmotionRecognizer recognizer = new EmotionRecognizer(model, detector, TestTimeAugmentation.NONE);
        return new LiveLoop(VideoSource.openFile(clip), recognizer, settings, listener);
    }

    private static List<Integer> trackIds(List<FrameAnalysis> frames) {
        return frames.stream().flatMap(f -> f.faces().stream()).map(TrackedFace::trackId).distinct().toList();
    }

    @Test
    void aFileAsFastAsPossibleGivesEveryFrameInOrderWithOneTrack() throws Exception {
        Recorder recorder = new Recorder();
        LiveLoop loop = loop(new ScriptedDetector(), new LiveLoop.Settings(1, 0.5, false, 0), recorder);
        loop.start();
        LoopStats stats = loop.awaitEnd();

        assertThat(recorder.errors).isEmpty();
        assertThat(recorder.frames).extracting(FrameAnalysis::frameIndex)
                .containsExactlyElementsOf(LongStream.range(0, FRAMES).boxed().toList());
        assertThat(recorder.frames).allSatisfy(f -> assertThat(f.faces()).hasSize(1));
        assertThat(trackIds(recorder.frames)).containsExactly(1);
        assertThat(recorder.frames.get(FRAMES - 1).timestampMs()).isEqualTo(1160);
        assertThat(stats.framesProcessed()).isEqualTo(FRAMES);
        assertThat(stats.framesDropped()).isZero();
        assertThat(stats.meanProcessingMs()).isPositive();
        assertThat(stats.meanLatencyMs()).isGreaterThanOrEqualTo(stats.meanProcessingMs());
        assertThat(recorder.finished).containsExactly(stats);
        assertThat(loop.isRunning()).isFalse();
    }

    @Test
    void betweenDetectionsTheTrackedBoxesAreReclassified() throws Exception {
        ScriptedDetector detector = new ScriptedDetector();
        Recorder recorder = new Recorder();
        LiveLoop loop = loop(detector, new LiveLoop.Settings(3, 0, false, 0), recorder);
        loop.start();
        loop.awaitEnd();

        assertThat(detector.calls).hasValue(FRAMES / 3);
        assertThat(recorder.frames).hasSize(FRAMES);
        for (FrameAnalysis f : recorder.frames) {
            assertThat(f.detected()).isEqualTo(f.frameIndex() % 3 == 0);
            assertThat(f.faces()).hasSize(1);
        }
        assertThat(recorder.frames.get(1).faces().get(0).result().box())
                .as("the box of the last detection").isEqualTo(recorder.frames.get(0).faces().get(0).result().box());
    }

    @Test
    void smoothingChangedDuringARunAppliesFromTheNextFrame() throws Exception {
        Recorder unsmoothed = new Recorder();
        LiveLoop reference = loop(new ScriptedDetector(), new LiveLoop.Settings(1, 0, false, 0), unsmoothed);
        reference.start();
        reference.awaitEnd();

        int switchedAt = 10;
        LiveLoop[] running = new LiveLoop[1];
        Recorder switching = new Recorder() {
            @Override
            public void onFrame(Frame frame, FrameAnalysis analysis) throws Exception {
                super.onFrame(frame, analysis);
                if (analysis.frameIndex() == switchedAt) {
                    running[0].setSmoothing(0); // on the processing thread: takes effect with the next frame
                }
            }
        };
        running[0] = loop(new ScriptedDetector(), new LiveLoop.Settings(1, 0.9, false, 0), switching);
        running[0].start();
        running[0].awaitEnd();

        assertThat(switching.errors).isEmpty();
        assertThat(switching.frames).hasSize(FRAMES);
        assertThat(trackIds(switching.frames)).as("the run went on, with the same track").containsExactly(1);
        List<float[]> raw = probabilities(unsmoothed.frames);
        List<float[]> got = probabilities(switching.frames);
        assertThat(got.get(0)).as("a track's first frame is never smoothed").containsExactly(raw.get(0));
        assertThat(IntStream.rangeClosed(1, switchedAt)
                .filter(i -> !Arrays.equals(got.get(i), raw.get(i))).boxed().toList())
                .as("smoothed frames before the switch").isNotEmpty();
        for (int i = switchedAt + 1; i < FRAMES; i++) {
            assertThat(got.get(i)).as("frame %d, after smoothing was turned off", i).containsExactly(raw.get(i));
        }
        assertThatThrownBy(() -> running[0].setSmoothing(1)).hasMessageContaining("below 1");
    }

    private static List<float[]> probabilities(List<FrameAnalysis> frames) {
        return frames.stream().map(f -> f.faces().get(0).result().probabilities()).toList();
    }

    @Test
    void maxFramesEndsTheRunEarly() throws Exception {
        Recorder recorder = new Recorder();
        LiveLoop loop = loop(new ScriptedDetector(), new LiveLoop.Settings(0, 0.5, false, 5), recorder);
        loop.start();
        assertThat(loop.awaitEnd().framesProcessed()).isEqualTo(5);
        assertThat(recorder.frames).hasSize(5);
    }

    @Test
    void realTimePlaysAtTheFilesSpeedAndStopJoinsEarly() throws Exception {
        Recorder recorder = new Recorder();
        LiveLoop loop = loop(new ScriptedDetector(), new LiveLoop.Settings(0, 0.5, true, 0), recorder);
        loop.start();
        Thread.sleep(400);
        loop.stop();

        assertThat(loop.isRunning()).isFalse();
        assertThat(recorder.finished).hasSize(1);
        assertThat(recorder.errors).isEmpty();
        // 400 ms of a 25 fps clip is 10 frames: the loop neither raced ahead nor went on to the end (29)
        long last = recorder.frames.get(recorder.frames.size() - 1).frameIndex();
        assertThat(last).isBetween(3L, 20L);
        // what was not processed in time was dropped, not queued
        assertThat(recorder.frames.size() + recorder.finished.get(0).framesDropped()).isGreaterThanOrEqualTo(last);
    }

    @Test
    void realTimeToTheEndTakesAboutTheClipsDuration() throws Exception {
        Recorder recorder = new Recorder();
        LiveLoop loop = loop(new ScriptedDetector(), new LiveLoop.Settings(0, 0.5, true, 0), recorder);
        loop.start();
        LoopStats stats = loop.awaitEnd();
        // 30 frames at 25 fps: the last is due 1.16 s after the first
        assertThat(stats.seconds()).isGreaterThan(1.1);
        assertThat(stats.framesProcessed() + stats.framesDropped()).isEqualTo(FRAMES);
    }

    @Test
    void aFailingDetectorIsReportedAndEndsTheLoop() throws Exception {
        Recorder recorder = new Recorder();
        FaceDetector broken = image -> {
            throw new IllegalStateException("detector broke");
        };
        LiveLoop loop = loop(broken, new LiveLoop.Settings(1, 0.5, false, 0), recorder);
        loop.start();
        LoopStats stats = loop.awaitEnd();
        assertThat(recorder.errors).singleElement().satisfies(e -> assertThat(e).hasMessage("detector broke"));
        assertThat(stats.framesProcessed()).isZero();
        assertThat(recorder.finished).hasSize(1);
    }

    @Test
    void aFailingListenerIsReportedToItself() throws Exception {
        Recorder recorder = new Recorder() {
            @Override
            public void onFrame(Frame frame, FrameAnalysis analysis) throws IOException {
                if (analysis.frameIndex() == 3) {
                    throw new IOException("disk full");
                }
            }
        };
        LiveLoop loop = loop(new ScriptedDetector(), new LiveLoop.Settings(1, 0.5, false, 0), recorder);
        loop.start();
        assertThat(loop.awaitEnd().framesProcessed()).isEqualTo(4);
        assertThat(recorder.errors).singleElement().satisfies(e -> assertThat(e).hasMessage("disk full"));
    }

    @Test
    void stopBeforeStartReleasesTheSourceAndStartThenFails() throws Exception {
        LiveLoop loop = loop(new ScriptedDetector(), LiveLoop.Settings.DEFAULT, new Recorder());
        loop.stop();
        loop.stop();
        assertThatThrownBy(loop::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRecordingWritesTheTimelineAndAReadableAnnotatedVideo() throws Exception {
        Path csv = tmp.resolve("out").resolve("timeline.csv");
        Path avi = tmp.resolve("out").resolve("annotated.avi");
        EmotionRecognizer recognizer = new EmotionRecognizer(model, new ScriptedDetector(), TestTimeAugmentation.NONE);
        LoopStats stats;
        try (VideoSource source = VideoSource.openFile(clip);
             VideoRecording recording = new VideoRecording(recognizer.classes(), new VideoRecording.Outputs(csv, avi),
                     TestClips.FPS, source.frameCount(), ProgressReporter.NONE)) {
            LiveLoop loop = new LiveLoop(source, recognizer, new LiveLoop.Settings(2, 0.5, false, 0), recording);
            loop.start();
            stats = loop.awaitEnd();
            assertThat(recording.error()).isNull();
            assertThat(recording.stats()).isEqualTo(stats);
            recording.commit();
            assertThat(recording.summary().tracks()).singleElement()
                    .satisfies(t -> assertThat(t.frames()).isEqualTo(FRAMES));
        }
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows.get(0)).isEqualTo("frame,time_ms,track,x,y,w,h,Angry,Disgust,Fear,Happy,Sad,Surprise,Neutral,label");
        assertThat(rows).hasSize(FRAMES + 1);
        assertThat(rows.subList(1, rows.size())).allSatisfy(r -> assertThat(r.split(",")[2]).isEqualTo("1"));
        try (VideoSource annotated = VideoSource.openFile(avi)) {
            assertThat(annotated.frameCount()).hasValue(FRAMES);
            assertThat(annotated.fps()).hasValue(TestClips.FPS);
            try (Frame first = annotated.read()) {
                assertThat(first.width()).isEqualTo(TestClips.WIDTH);
            }
        }
        try (var files = Files.list(csv.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly("annotated.avi", "timeline.csv");
        }
        assertThat(stats.framesProcessed()).isEqualTo(FRAMES);
    }
}
