package org.ferstudio.app.webcam;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.ferstudio.infer.EmotionRecognizer;
import org.ferstudio.infer.video.Frame;
import org.ferstudio.infer.video.FrameAnalysis;
import org.ferstudio.infer.video.LiveListener;
import org.ferstudio.infer.video.LiveLoop;
import org.ferstudio.infer.video.LoopStats;
import org.ferstudio.infer.video.ProbabilitySmoother;
import org.ferstudio.infer.video.VideoSource;
import org.ferstudio.store.LoadedModel;
import org.ferstudio.vision.DetectorChoice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the webcam pane: a source, a model and settings, from opening the source to the end of its
 * live loop, plus the timeline recorded during it. A run is never restarted; the view-model makes a new
 * one. Its events reach the view-model on the UI thread: frames through a latest-wins hand-off, the rest
 * in order after them.
 */
final class LiveSession implements LiveListener {

    private static final Logger LOG = LoggerFactory.getLogger(LiveSession.class);

    /** What a run tells the view-model; every call comes on the UI thread. */
    interface Events {

        void frame(LiveSession session, LiveFrame frame);

        void failed(LiveSession session, Throwable error);

        /** The recording broke off (e.g. the disk is full); the video goes on. */
        void timelineFailed(LiveSession session, Throwable error);

        /** The run is over; {@code stats} is null when it was stopped before the loop started. */
        void ended(LiveSession session, LoopStats stats);
    }

    private final VideoChoice choice;
    private final LoadedModel model;
    private final DetectorChoice detector;
    private final boolean align;
    private final LiveLoop.Settings settings;
    private final Executor uiThread;
    private final Events events;
    private final LatestValueHandoff<LiveFrame> frames;
    private final TimelineRecorder timeline;
    private final AtomicLong framesSeen = new AtomicLong();
    private volatile boolean failed;
    private volatile TimelineRecorder.Saved savedAtEnd;
    private volatile IOException timelineErrorAtEnd;
    private LiveLoop loop;          // guarded by this
    private boolean stopRequested;  // guarded by this
    private double smoothing;       // guarded by this

    /** @param align whether faces are levelled by their eyes before classification (the app-wide choice) */
    LiveSession(VideoChoice choice, LoadedModel model, DetectorChoice detector, boolean align,
                LiveLoop.Settings settings, Executor uiThread, Events events) {
        this.choice = choice;
        this.model = model;
        this.detector = detector;
        this.align = align;
        this.settings = settings;
        this.smoothing = settings.smoothing();
        this.uiThread = uiThread;
        this.events = events;
        this.frames = new LatestValueHandoff<>(uiThread, frame -> events.frame(this, frame));
        this.timeline = new TimelineRecorder(model.card().classLabels());
    }

    VideoChoice choice() {
        return choice;
    }

    LoadedModel model() {
        return model;
    }

    DetectorChoice detector() {
        return detector;
    }

    boolean aligns() {
        return align;
    }

    /**
     * Opens the source and starts the loop; on a worker thread. False when {@link #stop()} came first (the
     * source is then released again). The message of a failure says what to do.
     */
    boolean open() throws IOException, InterruptedException {
        VideoSource source;
        try {
            source = choice.open();
        } catch (IOException e) {
            throw new IOException(StatusMessages.cannotOpen(choice, e), e);
        }
        LiveLoop created;
        try {
            EmotionRecognizer recognizer = EmotionRecognizer.forVideo(model, detector.forVideo()).withAlignment(align);
            created = new LiveLoop(source, recognizer, settings, this);
        } catch (RuntimeException | Error e) {
            source.close();
            throw e;
        }
        synchronized (this) {
            if (!stopRequested) {
                loop = created;
                created.setSmoothing(smoothing); // changed while the source was opening
                created.start();
                return true;
            }
        }
        created.stop(); // not started: this only releases the source
        timeline.end();
        return false;
    }

    /** Stops the loop and waits until the source is released and the timeline committed; on a worker thread. */
    void stop() throws InterruptedException {
        LiveLoop running;
        synchronized (this) {
            stopRequested = true;
            running = loop;
        }
        if (running != null) {
            running.stop();
        }
    }

    /** Changes the smoothing of this run from the next frame on, also while it is still opening; any thread. */
    synchronized void smoothing(double weight) {
        smoothing = ProbabilitySmoother.checked(weight);
        if (loop != null) {
            loop.setSmoothing(weight);
        }
    }

    synchronized boolean stopRequested() {
        return stopRequested;
    }

    /** Whether a frame came through, which tells an undecodable file from one that broke off later. */
    boolean hadFrames() {
        return framesSeen.get() > 0;
    }

    /** Whether the loop reported an error. */
    boolean failed() {
        return failed;
    }

    /** Starts recording the timeline CSV; on a worker thread. */
    void startTimeline(Path target) throws IOException {
        timeline.begin(target);
    }

    /** Commits the timeline; empty when none was being recorded (the run's end may have committed it). */
    Optional<TimelineRecorder.Saved> stopTimeline() throws IOException {
        return timeline.commit();
    }

    /** The timeline committed when the run ended, if one was being recorded then. */
    Optional<TimelineRecorder.Saved> timelineSavedAtEnd() {
        return Optional.ofNullable(savedAtEnd);
    }

    /** Why committing the timeline failed when the run ended, if it did. */
    Optional<IOException> timelineErrorAtEnd() {
        return Optional.ofNullable(timelineErrorAtEnd);
    }

    @Override
    public void onFrame(Frame frame, FrameAnalysis analysis) {
        framesSeen.incrementAndGet();
        try {
            timeline.write(analysis);
        } catch (IOException | RuntimeException e) {
            // a full disk ends the recording, not the video
            uiThread.execute(() -> events.timelineFailed(this, e));
        }
        frames.offer(new LiveFrame(FramePixels.fromBgr(frame.width(), frame.height(), frame.bgrPixels()), analysis));
    }

    @Override
    public void onError(Throwable error) {
        failed = true;
        uiThread.execute(() -> events.failed(this, error));
    }

    @Override
    public void onFinished(LoopStats stats) {
        try {
            savedAtEnd = timeline.end().orElse(null);
        } catch (IOException e) {
            LOG.warn("could not commit the timeline when {} ended", choice, e);
            timelineErrorAtEnd = e;
        }
        uiThread.execute(() -> events.ended(this, stats));
    }
}
