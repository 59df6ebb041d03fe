package org.ferstudio.infer.video;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;
import org.ferstudio.model.ClassLabels;
import org.ferstudio.task.ProgressReporter;

/**
 * A {@link LiveListener} that keeps what a run produces: the CSV timeline and the annotated video (each
 * optional), the per-track summary, progress, the first error and the final figures. The outputs appear
 * under their names only on {@link #commit()}; {@link #close()} without it discards them.
 */
public final class VideoRecording implements LiveListener, AutoCloseable {

    private final TimelineWriter timeline;
    private final Path annotatedVideo;
    private final boolean landmarks;
    private final double fps;
    private final TrackSummary summary;
    private final ProgressReporter progress;
    private final OptionalLong totalFrames;
    private VideoAnnotator annotator;
    private volatile Throwable error;
    private volatile LoopStats stats;

    /**
     * What to record; null paths leave that output out.
     *
     * @param landmarks whether the annotated video also shows the faces' five landmarks
     */
    public record Outputs(Path timeline, Path annotatedVideo, boolean landmarks) {

        /** The outputs, the annotated video without landmarks. */
        public Outputs(Path timeline, Path annotatedVideo) {
            this(timeline, annotatedVideo, false);
        }
    }

    /**
     * @param fps         frame rate written into the annotated video
     * @param totalFrames frames the source will deliver, for the progress fraction; empty for a camera
     */
    public VideoRecording(ClassLabels classes, Outputs outputs, double fps, OptionalLong totalFrames,
                          ProgressReporter progress) throws IOException {
        this.timeline = outputs.timeline() == null ? null : new TimelineWriter(outputs.timeline(), classes);
        this.annotatedVideo = outputs.annotatedVideo();
        this.landmarks = outputs.landmarks();
        this.fps = fps;
        this.summary = new TrackSummary(classes);
        this.totalFrames = totalFrames;
        this.progress = progress;
    }

    @Override
    public void onFrame(Frame frame, FrameAnalysis analysis) throws IOException {
        summary.add(analysis);
        if (timeline != null) {
            timeline.write(analysis);
        }
        if (annotatedVideo != null) {
            // the size is known only from the first frame
            if (annotator == null) {
                annotator = new VideoAnnotator(annotatedVideo, fps, frame.width(), frame.height(), landmarks);
            }
            annotator.write(frame, analysis.faces());
        }
        String message = String.format(Locale.ROOT, "frame %d, %d face(s), %.1f fps", analysis.frameIndex() + 1,
                analysis.faces().size(), analysis.fps());
        progress.report(totalFrames.isPresent() ? (analysis.frameIndex() + 1.0) / totalFrames.getAsLong() : -1, message);
    }

    @Override
    public void onError(Throwable failure) {
        if (error == null) {
            error = failure;
        }
    }

    @Override
    public void onFinished(LoopStats finalStats) {
        stats = finalStats;
    }

    /** The first error of the run, or null. */
    public Throwable error() {
        return error;
    }

    /** The run's figures once it finished, else null. */
    public LoopStats stats() {
        return stats;
    }

    /** Call after the loop ended. */
    public TrackSummary summary() {
        return summary;
    }

    /** Moves the timeline and the annotated video into place (after checking the video reads back). */
    public void commit() throws IOException {
        if (timeline != null) {
            timeline.commit();
        }
        if (annotatedVideo != null) {
            if (annotator == null) {
                throw new IOException("no frames were processed, so there is no annotated video " + annotatedVideo);
            }
            annotator.commit();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (timeline != null) {
                timeline.close();
            }
        } finally {
            if (annotator != null) {
                annotator.close();
            }
        }
    }
}
