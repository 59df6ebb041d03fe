package org.ferstudio.infer.video;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.ferstudio.model.ClassLabels;
import org.ferstudio.model.FaceBox;
import org.ferstudio.model.FaceResult;

/**
 * Writes the per-face timeline of a video as CSV:
 * {@code frame,time_ms,track,x,y,w,h,<class 1>,...,<class N>,label}, one row per face and frame,
 * probabilities in the model's class order with 4 decimals, label the most probable class after
 * smoothing. Rows stream to a hidden file beside the target, which {@link #commit()} moves into place,
 * so an interrupted run never leaves a truncated timeline under the real name ({@code store.AtomicFiles}
 * takes the whole content in one call, which does not fit rows that arrive frame by frame).
 */
public final class TimelineWriter implements AutoCloseable {

    private final Path target;
    private final Path temporary;
    private final FileChannel channel;
    private final BufferedWriter out;
    private final int classes;
    private boolean committed;
    private boolean closed;

    public TimelineWriter(Path target, ClassLabels classes) throws IOException {
        this.target = target.toAbsolutePath().normalize();
        this.classes = classes.size();
        this.temporary = StagedFiles.besides(this.target, ".tmp");
        this.channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.out = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8),
                1 << 16);
        out.write("frame,time_ms,track,x,y,w,h");
        for (String name : classes.names()) {
            out.write(',');
            out.write(csvField(name));
        }
        out.write(",label\n");
    }

    /** Appends one row per face of the frame (none for a frame without faces). */
    public void write(FrameAnalysis frame) throws IOException {
        for (TrackedFace face : frame.faces()) {
            FaceResult r = face.result();
            if (r.classes().size() != classes) {
                throw new IllegalArgumentException(r.classes().size() + " classes in a timeline of " + classes);
            }
            FaceBox b = r.box();
            StringBuilder row = new StringBuilder(64 + 8 * classes);
            row.append(frame.frameIndex()).append(',').append(frame.timestampMs()).append(',').append(face.trackId())
                    .append(',').append(b.x()).append(',').append(b.y()).append(',').append(b.width()).append(',')
                    .append(b.height());
            for (int c = 0; c < classes; c++) {
                row.append(',').append(String.format(Locale.ROOT, "%.4f", r.probability(c)));
            }
            row.append(',').append(csvField(r.label())).append('\n');
            out.write(row.toString());
        }
    }

    /** Makes the timeline durable and moves it to its name; the writer is closed afterwards. */
    public void commit() throws IOException {
        if (closed) {
            throw new IllegalStateException("the timeline " + target + " was already closed");
        }
        try {
            out.flush();
            channel.force(true);
            out.close();
            closed = true;
            StagedFiles.moveIntoPlace(temporary, target);
            committed = true;
        } catch (IOException e) {
            throw new IOException("could not write " + target + ": " + e.getMessage(), e);
        } finally {
            if (!committed) {
                close();
            }
        }
    }

    /** Without a commit, discards the rows: the target keeps whatever it had before. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            out.close();
        }
        if (!committed) {
            Files.deleteIfExists(temporary);
        }
    }

    private static String csvField(String text) {
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
