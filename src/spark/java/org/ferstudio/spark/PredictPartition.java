package org.ferstudio.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;
import org.ferstudio.infer.video.Frame;
import org.ferstudio.infer.video.VideoSource;
import org.ferstudio.model.FaceResult;
import org.ferstudio.model.PhotoResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One partition of a prediction job, on an executor: each file through the analyser {@code predict} uses (photos)
 * or its recogniser on sampled frames (videos). A file that fails becomes its error row; nothing a file does
 * fails the task. Ends with one log line for the partition.
 */
final class PredictPartition implements FlatMapFunction<Iterator<String>, Row> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PredictPartition.class);

    private final Broadcast<ModelBundle> model;
    private final PredictionSettings settings;
    private final PredictionRows rows;
    private final InputFiles inputs;
    private final LongAccumulator failedFiles;
    private final LongAccumulator faces;

    PredictPartition(Broadcast<ModelBundle> model, PredictionSettings settings, PredictionRows rows, InputFiles inputs,
                     LongAccumulator failedFiles, LongAccumulator faces) {
        this.model = model;
        this.settings = settings;
        this.rows = rows;
        this.inputs = inputs;
        this.failedFiles = failedFiles;
        this.faces = faces;
    }

    @Override
    public Iterator<Row> call(Iterator<String> files) {
        long start = System.nanoTime();
        ExecutorModels.Analyser analyser = ExecutorModels.borrow(model.value(), settings);
        List<Row> out = new ArrayList<>();
        int count = 0;
        int failed = 0;
        int found = 0;
        try {
            while (files.hasNext()) {
                String file = files.next();
                count++;
                int before = out.size();
                boolean ok = analyse(analyser, file, out);
                failed += ok ? 0 : 1;
                for (int i = before; i < out.size(); i++) {
                    found += out.get(i).isNullAt(PredictionRows.FACE_COLUMN) ? 0 : 1;
                }
            }
        } finally {
            ExecutorModels.release(analyser);
        }
        failedFiles.add(failed);
        faces.add(found);
        TaskContext task = TaskContext.get();
        LOG.info("partition {} done: {} files ({} failed), {} faces in {} s", task == null ? "?" : task.partitionId(),
                count, failed, found, String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
        return out.iterator();
    }

    /** Adds the file's rows; false when it failed. */
    private boolean analyse(ExecutorModels.Analyser analyser, String file, List<Row> out) {
        try (InputFiles.Local local = inputs.local(file)) {
            return InputFiles.isVideo(file) ? video(analyser, file, local, out) : photo(analyser, file, local, out);
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} failed", file, e);
            out.add(rows.withoutFace(file, null, "analysis failed: " + e.getMessage()));
            return false;
        }
    }

    private boolean photo(ExecutorModels.Analyser analyser, String file, InputFiles.Local local, List<Row> out) {
        PhotoResult r = analyser.photos().analyse(local.path()).result();
        if (!r.ok()) {
            // the loader names the file it read: the user's name, not a temporary copy's
            out.add(rows.withoutFace(file, null, r.error().replace(local.path().toString(), file)));
            return false;
        }
        addFaces(file, null, r.faces(), out);
        return true;
    }

    private boolean video(ExecutorModels.Analyser analyser, String file, InputFiles.Local local, List<Row> out)
            throws IOException {
        try (VideoSource source = VideoSource.openFile(local.path())) {
            long next = 0;
            for (Frame frame = source.read(); frame != null; frame = source.read()) {
                try (Frame f = frame) {
                    if (f.timestampMs() >= next) {
                        addFaces(file, f.timestampMs(), analyser.recognizer().recognize(f.grey()), out);
                        next = f.timestampMs() + settings.frameEveryMs();
                    }
                }
            }
        } catch (IOException e) {
            out.add(rows.withoutFace(file, null, e.getMessage().replace(local.path().toString(), file)));
            return false;
        }
        return true;
    }

    private void addFaces(String file, Long frameMs, List<FaceResult> found, List<Row> out) {
        if (found.isEmpty()) {
            out.add(rows.withoutFace(file, frameMs, PredictionRows.NO_FACE));
        }
        for (int i = 0; i < found.size(); i++) {
            out.add(rows.face(file, frameMs, i + 1, found.get(i)));
        }
    }
}
