package org.ferstudio.infer.video;

import org.ferstudio.nets.Nd4jRuntime;
import java.util.concurrent.TimeUnit;
import org.ferstudio.infer.EmotionRecognizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recognition on a video source with two threads: a capture thread reads frames into a one-frame slot
 * ("latest frame wins" for live sources, see {@link LatestFrameSlot}), a processing thread detects faces
 * every Nth frame, re-classifies the tracked boxes in between, smooths per track and reports each frame
 * to a {@link LiveListener}. Reading the next frame thus overlaps with processing the current one.
 *
 * <p>A file can be processed as fast as possible (no frame skipped: the CLI) or in real time (paced by
 * its timestamps, dropping frames when processing falls behind: the GUI). A camera is always real time.
 * The loop ends at the end of a file, after {@code maxFrames}, on {@link #stop()} or on an error; the
 * source is released when it ends. A loop runs once.
 */
public final class LiveLoop {

    private static final Logger LOG = LoggerFactory.getLogger(LiveLoop.class);
    private static final double FALLBACK_FPS = 25;
    // a camera read returns within a frame interval; a driver stuck longer must not hang stop() forever
    private static final long CAPTURE_JOIN_MS = 5_000;

    /**
     * @param detectEvery detect faces on every Nth frame; 0 = automatic (every frame while that keeps up
     *                    with the source's frame rate, else every 2nd or 3rd)
     * @param smoothing   weight of the past in the per-track smoothing, in [0, 1); 0 = off; a running
     *                    loop can change it ({@link LiveLoop#setSmoothing})
     * @param realTime    pace a file by its timestamps and drop frames when behind; false = as fast as
     *                    possible, every frame (cameras are always real time)
     * @param maxFrames   stop after this many processed frames; 0 = no limit
     */
    public record Settings(int detectEvery, double smoothing, boolean realTime, long maxFrames) {

        public static final Settings DEFAULT = new Settings(0, 0.5, true, 0);

        public Settings {
            if (detectEvery < 0) {
                throw new IllegalArgumentException("detect-every must be 0 (automatic) or more, got " + detectEvery);
            }
            ProbabilitySmoother.checked(smoothing);
            if (maxFrames < 0) {
                throw new IllegalArgumentException("max frames must be 0 (no limit) or more, got " + maxFrames);
            }
        }
    }

    private final VideoSource source;
    private final EmotionRecognizer recognizer;
    private final Settings settings;
    private final LiveListener listener;
    private final LatestFrameSlot<Frame> slot;
    private final ProbabilitySmoother smoother;
    private final Thread captureThread = new Thread(this::capture, "video-capture");
    private final Thread processingThread = new Thread(this::process, "video-processing");
    private volatile boolean stopping;
    private boolean started;
    private long startNanos;
    private LoopStats stats;

    /** The loop owns {@code source} from here on and closes it when it ends. */
    public LiveLoop(VideoSource source, EmotionRecognizer recognizer, Settings settings, LiveListener listener) {
        this.source = source;
        this.recognizer = recognizer;
        this.settings = settings;
        this.listener = listener;
        this.slot = new LatestFrameSlot<>(!settings.realTime() && !source.isLive(), Frame::close);
        this.smoother = new ProbabilitySmoother(settings.smoothing());
        captureThread.setDaemon(true);
        processingThread.setDaemon(true);
    }

    public synchronized void start() {
        if (started || stopping) {
            throw new IllegalStateException("a live loop runs once; create a new one");
        }
        started = true;
        startNanos = System.nanoTime();
        captureThread.start();
        processingThread.start();
    }

    /**
     * Stops the loop and waits until both threads ended and the source is released (the listener's
     * {@code onFinished} has run). From inside a listener call it only asks the loop to stop.
     * Safe to call more than once, and before {@link #start()}.
     */
    public void stop() throws InterruptedException {
        synchronized (this) {
            stopping = true;
            if (!started) {
                source.close();
                return;
            }
        }
        slot.close();
        captureThread.interrupt();
        if (Thread.currentThread() != processingThread) {
            processingThread.join();
        }
    }

    /** Waits for the loop to end by itself (or by {@link #stop()}) and returns its figures. */
    public LoopStats awaitEnd() throws InterruptedException {
        synchronized (this) {
            if (!started) {
                throw new IllegalStateException("the loop was not started");
            }
        }
        processingThread.join();
        return stats;
    }

    /**
     * Changes the smoothing of a running loop (or one not started yet) from the next frame on, without
     * restarting it: each face keeps its track and continues from its current probabilities.
     *
     * @param smoothing weight of the past, in [0, 1); 0 = off
     */
    public void setSmoothing(double smoothing) {
        smoother.setAlpha(smoothing);
    }

    public boolean isRunning() {
        return processingThread.isAlive();
    }

    private void capture() {
        Throwable failure = null;
        try {
            Pacer pacer = settings.realTime() && !source.isLive() ? new Pacer() : null;
            Frame frame;
            while (!stopping && (frame = source.read()) != null) {
                if (!handOver(frame, pacer)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            LOG.debug("capture of {} interrupted by stop", source.name());
        } catch (Throwable e) { // whatever failed reaches the listener through the slot
            failure = e;
        } finally {
            slot.finish(failure);
            source.close();
        }
    }

    private boolean handOver(Frame frame, Pacer pacer) throws InterruptedException {
        try {
            if (pacer != null) {
                pacer.awaitDue(frame.timestampMs());
            }
            return slot.put(frame);
        } catch (InterruptedException e) {
            frame.close();
            throw e;
        }
    }

    private void process() {
        // One face per call: two OpenMP threads at batch 1 on two cores, next to the capture thread and
        // OpenCV's detection threads, wait on each other (2x slower per face measured here).
        Nd4jRuntime.setThreads(1);
        FrameProcessor processor = new FrameProcessor(recognizer,
                new DetectionSchedule(settings.detectEvery(), 1000.0 / source.fps().orElse(FALLBACK_FPS)),
                new FaceTracker(), smoother);
        Counters counters = new Counters();
        try {
            while (!limitReached(counters)) {
                Frame frame = slot.take();
                if (frame == null) {
                    break;
                }
                try (frame) {
                    handle(frame, processor, counters);
                }
            }
            if (slot.failure() != null) {
                reportError(slot.failure());
            }
        } catch (InterruptedException e) {
            LOG.debug("processing interrupted");
        } catch (Throwable e) { // reported to the listener, never swallowed
            reportError(e);
        } finally {
            finish(counters);
        }
    }

    private boolean limitReached(Counters counters) {
        return settings.maxFrames() > 0 && counters.processed >= settings.maxFrames();
    }

    private void handle(Frame frame, FrameProcessor processor, Counters counters) throws Exception {
        FrameProcessor.Result result = processor.process(frame.grey());
        long now = System.nanoTime();
        double latencyMs = (now - frame.capturedNanos()) / 1e6;
        counters.add(result.processingMs(), latencyMs);
        listener.onFrame(frame, new FrameAnalysis(frame.index(), frame.timestampMs(), result.faces(),
                result.detected(), result.processingMs(), latencyMs, counters.rate.tick(now), slot.dropped()));
    }

    private void finish(Counters counters) {
        stopping = true;
        slot.close();
        captureThread.interrupt();
        try {
            captureThread.join(CAPTURE_JOIN_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (captureThread.isAlive()) {
            LOG.warn("the capture thread of {} did not end within {} ms; the source stays open", source.name(),
                    CAPTURE_JOIN_MS);
        }
        stats = new LoopStats(counters.processed, slot.dropped(), (System.nanoTime() - startNanos) / 1e9,
                counters.mean(counters.processingMs), counters.mean(counters.latencyMs));
        try {
            listener.onFinished(stats);
        } catch (RuntimeException e) {
            LOG.error("the video listener failed when the loop finished", e);
        }
    }

    private void reportError(Throwable error) {
        LOG.debug("live loop on {} failed", source.name(), error);
        try {
            listener.onError(error);
        } catch (RuntimeException e) {
            error.addSuppressed(e);
            LOG.error("the video listener failed to handle an error", error);
        }
    }

    /** Sleeps until a file frame is due, so playback runs at the file's own speed. */
    private static final class Pacer {

        private long firstTimestampMs = -1;
        private long firstNanos;

        void awaitDue(long timestampMs) throws InterruptedException {
            if (firstTimestampMs < 0) {
                firstTimestampMs = timestampMs;
                firstNanos = System.nanoTime();
                return;
            }
            long due = firstNanos + (timestampMs - firstTimestampMs) * 1_000_000;
            TimeUnit.NANOSECONDS.sleep(due - System.nanoTime());
        }
    }

    /** Figures kept by the processing thread; read by others only after joining it. */
    private static final class Counters {

        final RateMeter rate = new RateMeter();
        long processed;
        double processingMs;
        double latencyMs;

        void add(double processing, double latency) {
            processed++;
            processingMs += processing;
            latencyMs += latency;
        }

        double mean(double sum) {
            return processed == 0 ? 0 : sum / processed;
        }
    }
}
