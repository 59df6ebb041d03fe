package org.ferstudio.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.ferstudio.infer.EmotionRecognizer;
import org.ferstudio.infer.video.LiveLoop;
import org.ferstudio.infer.video.LoopStats;
import org.ferstudio.infer.video.VideoRecording;
import org.ferstudio.infer.video.VideoSource;
import org.ferstudio.store.LoadedModel;
import org.ferstudio.store.ModelLocator;
import org.ferstudio.store.ModelStore;
import org.ferstudio.store.OutputTargets;
import org.ferstudio.vision.DetectorChoice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code video}: expressions of the faces in a video file or a camera, per frame and per tracked face. */
@Command(name = "video", mixinStandardHelpOptions = true,
        description = {"Track the faces in a video file or a camera and classify their expressions frame by frame.",
                "Files must be MJPG .avi (this OpenCV build has no FFmpeg); convert others with "
                        + "`ffmpeg -i IN -c:v mjpeg -q:v 3 -an OUT.avi`. Files are processed as fast as possible, "
                        + "every frame; a camera runs in real time until --max-frames or Ctrl-C."})
public final class VideoCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "video file (MJPG .avi)")
    Path file;

    @Option(names = "--camera", paramLabel = "N", description = "read camera N instead of a file (0 is the first)")
    Integer camera;

    @Option(names = "--model", paramLabel = "DIR", description = "model folder (default: the shipped default model)")
    Path model;

    @Option(names = "--timeline", paramLabel = "FILE.csv",
            description = "write one CSV row per face and frame: frame, time, track, box, probabilities, label")
    Path timeline;

    @Option(names = "--annotate", paramLabel = "OUT.avi", description = "write the video with boxes and labels drawn (MJPG .avi)")
    Path annotate;

    @Option(names = "--force", description = "replace the --timeline and --annotate files if they exist")
    boolean force;

    @Option(names = "--smooth", defaultValue = "0.5", paramLabel = "ALPHA",
            description = "per-face smoothing of the probabilities over frames, 0 = off, up to 0.95 (default: ${DEFAULT-VALUE})")
    double smooth;

    @Option(names = "--detect-every", defaultValue = "0", paramLabel = "N",
            description = "detect faces on every Nth frame and only re-classify the tracked faces in between; "
                    + "0 = automatic: every frame while that keeps up with the video's frame rate, else every 2nd or 3rd "
                    + "(default: ${DEFAULT-VALUE})")
    int detectEvery;

    @Option(names = "--max-frames", defaultValue = "0", paramLabel = "N", description = "stop after N frames, 0 = all (default: ${DEFAULT-VALUE})")
    long maxFrames;

    @Option(names = "--detector", defaultValue = "yunet", paramLabel = "yunet|haar",
            description = "face detector: yunet or haar (the frontal-face cascade) (default: ${DEFAULT-VALUE})")
    DetectorChoice detectorChoice;

    @Option(names = "--align", defaultValue = "off", paramLabel = "on|off", arity = "1",
            description = "level each face by its eyes before classifying it (needs landmarks: yunet); frames between "
                    + "detections use the eye line last detected (default: ${DEFAULT-VALUE})", converter = OnOff.class)
    boolean align;

    @Option(names = "--landmarks", description = "with --annotate, also draw the five landmarks of each face")
    boolean drawLandmarks;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        LiveLoop.Settings settings = settings();
        for (Path output : new Path[] {timeline, annotate}) {
            if (output != null) {
                OutputTargets.checkFile(output, force, "add --force to replace it");
            }
        }
        try (VideoSource source = openSource()) {
            LoadedModel loaded = ModelStore.load(ModelLocator.resolve(model));
            EmotionRecognizer recognizer = EmotionRecognizer.forVideo(loaded, detectorChoice.forVideo())
                    .withAlignment(align);
            OptionalLong total = expectedFrames(source);
            ConsoleProgressBar bar = new ConsoleProgressBar(source.name(), total.orElse(0));
            try (VideoRecording recording = new VideoRecording(recognizer.classes(),
                    new VideoRecording.Outputs(timeline, annotate, drawLandmarks), source.fps().orElse(25), total, bar)) {
                LiveLoop loop = new LiveLoop(source, recognizer, settings, recording);
                StopOnCtrlC ctrlC = new StopOnCtrlC(loop);
                try {
                    loop.start();
                    LoopStats stats = loop.awaitEnd();
                    bar.done();
                    rethrow(recording.error());
                    recording.commit();
                    report(source, recording, stats);
                } finally {
                    bar.done();
                    ctrlC.close();
                }
            }
        }
        return 0;
    }

    private LiveLoop.Settings settings() {
        if ((file == null) == (camera == null)) {
            throw new ParameterException(spec.commandLine(), "give either a video FILE or --camera N");
        }
        if (annotate != null && !annotate.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".avi")) {
            // the bundled OpenCV writes MJPG in AVI only; another extension would name the file wrongly
            throw new ParameterException(spec.commandLine(), "--annotate must name an .avi file, got " + annotate);
        }
        if (smooth > 0.95) {
            // closer to 1 the labels would lag seconds behind the face
            throw new ParameterException(spec.commandLine(), "--smooth must be between 0 and 0.95, got " + smooth);
        }
        try {
            return new LiveLoop.Settings(detectEvery, smooth, false, maxFrames);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private VideoSource openSource() throws IOException {
        return file != null ? VideoSource.openFile(file) : VideoSource.openCamera(camera);
    }

    private OptionalLong expectedFrames(VideoSource source) {
        OptionalLong inFile = source.frameCount();
        if (maxFrames == 0) {
            return inFile;
        }
        return OptionalLong.of(inFile.isPresent() ? Math.min(maxFrames, inFile.getAsLong()) : maxFrames);
    }

    private static void rethrow(Throwable error) throws Exception {
        if (error instanceof Exception e) {
            throw e;
        }
        if (error instanceof Error e) {
            throw e;
        }
    }

    /**
     * A file is read ahead while the frames before are processed, so its reading-to-result time measures the
     * queue, not the work: the processing time is its latency. A camera's is from capture to result.
     */
    private static double latencyMs(VideoSource source, LoopStats stats) {
        return source.isLive() ? stats.meanLatencyMs() : stats.meanProcessingMs();
    }

    private void report(VideoSource source, VideoRecording recording, LoopStats stats) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(recording.summary().toFormattedString());
        out.printf(Locale.ROOT, "%d frames of %s in %.1f s: %.1f fps, average latency %.1f ms per frame%s%n",
                stats.framesProcessed(), source.name(), stats.seconds(), stats.fps(), latencyMs(source, stats),
                source.isLive() ? String.format(Locale.ROOT, " from capture to result (%.1f ms processing), %d frames dropped",
                        stats.meanProcessingMs(), stats.framesDropped()) : "");
        if (timeline != null) {
            out.println("timeline: " + timeline);
        }
        if (annotate != null) {
            out.println("annotated video: " + annotate);
        }
        out.flush();
    }

    /**
     * Makes Ctrl-C end a run cleanly: the shutdown hook stops the loop and waits until the command has written
     * its outputs and summary (closing the guard), so a camera session still leaves its timeline.
     */
    private static final class StopOnCtrlC {

        private static final long WAIT_SECONDS = 30;

        private final CountDownLatch done = new CountDownLatch(1);
        private final Thread hook;

        StopOnCtrlC(LiveLoop loop) {
            hook = new Thread(() -> {
                try {
                    loop.stop();
                    done.await(WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "video-stop-on-ctrl-c");
            Runtime.getRuntime().addShutdownHook(hook);
        }

        void close() {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down (Ctrl-C): the hook is running and now ends by itself
            }
        }
    }
}
