package org.ferstudio.app.webcam;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.ferstudio.infer.video.FrameAnalysis;
import org.ferstudio.infer.video.TimelineWriter;
import org.ferstudio.model.ClassLabels;

/**
 * The timeline CSV of one run, recorded between a start and a stop that may come at any time: the video
 * thread writes rows, a worker starts and commits. Calls are serialised, so a commit never cuts a row in
 * half. Once the run ended no new recording starts.
 */
final class TimelineRecorder {

    /** A committed timeline: its file and how many rows (faces over all frames) it holds. */
    record Saved(Path file, long rows) {
    }

    private final ClassLabels classes;
    private TimelineWriter writer;
    private Path file;
    private long rows;
    private boolean ended;

    TimelineRecorder(ClassLabels classes) {
        this.classes = classes;
    }

    /** Starts a timeline at {@code target}; the rows go to a hidden file until {@link #commit()}. */
    synchronized void begin(Path target) throws IOException {
        if (ended) {
            throw new IllegalStateException("the video has stopped; start it again to record a timeline");
        }
        if (writer != null) {
            throw new IllegalStateException("already recording the timeline to " + file);
        }
        writer = new TimelineWriter(target, classes);
        file = target.toAbsolutePath().normalize();
        rows = 0;
    }

    synchronized boolean isRecording() {
        return writer != null;
    }

    /** Appends the frame's faces when recording; on failure the partial timeline is discarded. */
    synchronized void write(FrameAnalysis analysis) throws IOException {
        if (writer == null) {
            return;
        }
        try {
            writer.write(analysis);
            rows += analysis.faces().size();
        } catch (IOException | RuntimeException e) {
            discard(e);
            throw e;
        }
    }

    /** Moves the timeline into place; empty when nothing was being recorded. */
    synchronized Optional<Saved> commit() throws IOException {
        if (writer == null) {
            return Optional.empty();
        }
        TimelineWriter committing = writer;
        writer = null;
        committing.commit();
        return Optional.of(new Saved(file, rows));
    }

    /** The run is over: commits what was recorded and refuses new recordings. */
    synchronized Optional<Saved> end() throws IOException {
        ended = true;
        return commit();
    }

    private void discard(Exception cause) {
        try {
            writer.close();
        } catch (IOException e) {
            cause.addSuppressed(e);
        } finally {
            writer = null;
        }
    }
}
