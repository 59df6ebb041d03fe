package org.ferstudio.app.photos;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ferstudio.infer.PhotoAnalyzer;
import org.ferstudio.model.PhotoResult;
import org.ferstudio.store.LoadedModel;
import org.ferstudio.task.CancelledException;
import org.ferstudio.task.ProgressReporter;
import org.ferstudio.vision.DetectorChoice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the analyser over a fixed list of photos with one model. The worker puts each finished photo
 * in a queue and then reports progress; the view-model empties the queue in its progress callback, on the
 * FX thread, so photos show up one by one while all view-model state stays on that thread.
 *
 * <p>The batch carries its own cancel flag rather than relying on the task handle alone: with the
 * synchronous test executor the handle only exists once the work is over, too late for a cancel asked
 * from a callback while the batch runs.
 */
final class AnalysisBatch {

    private static final Logger LOG = LoggerFactory.getLogger(AnalysisBatch.class);

    private final List<Path> files;
    private final LoadedModel model;
    private final DetectorChoice detector;
    private final boolean align;
    private final Queue<AnalysedPhoto> finished = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean cancelRequested = new AtomicBoolean();

    AnalysisBatch(List<Path> files, LoadedModel model, DetectorChoice detector, boolean align) {
        this.files = List.copyOf(files);
        this.model = model;
        this.detector = detector;
        this.align = align;
    }

    LoadedModel model() {
        return model;
    }

    /** Worker thread: analyses the photos in order until done or cancelled. */
    Void run(AnalyzerFactory analyzers, ProgressReporter progress) {
        int n = files.size();
        progress.report(0, String.format(Locale.ROOT, "Analysing %d %s…", n, n == 1 ? "photo" : "photos"));
        PhotoAnalyzer analyzer = analyzers.forModel(model, detector, align);
        for (int i = 0; i < n; i++) {
            if (cancelRequested.get()) {
                throw new CancelledException();
            }
            progress.checkCancelled();
            Path file = files.get(i);
            finished.add(analyse(analyzer, file));
            progress.report((i + 1.0) / n, String.format(Locale.ROOT, "Analysed %d of %d: %s", i + 1, n, file.getFileName()));
        }
        return null;
    }

    /** FX thread: the photos finished since the last call. */
    List<AnalysedPhoto> takeFinished() {
        List<AnalysedPhoto> out = new ArrayList<>();
        for (AnalysedPhoto p = finished.poll(); p != null; p = finished.poll()) {
            out.add(p);
        }
        return out;
    }

    /** Stops the batch before its next photo. */
    void cancel() {
        cancelRequested.set(true);
    }

    boolean cancelRequested() {
        return cancelRequested.get();
    }

    private static AnalysedPhoto analyse(PhotoAnalyzer analyzer, Path file) {
        try {
            PhotoAnalyzer.Analysed a = analyzer.analyse(file);
            BufferedImage image = a.image();
            return new AnalysedPhoto(a.result(), image == null ? null : Thumbnails.of(image, Thumbnails.SIDE), image);
        } catch (RuntimeException e) {
            // unreadable files come back as results; anything else going wrong with one photo must not end the batch
            LOG.warn("analysing {} failed", file, e);
            return new AnalysedPhoto(PhotoResult.failed(file, "cannot analyse " + file + ": " + e), null, null);
        }
    }
}
