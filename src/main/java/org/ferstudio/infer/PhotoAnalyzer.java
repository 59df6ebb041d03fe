package org.ferstudio.infer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.ferstudio.model.FaceResult;
import org.ferstudio.model.PhotoResult;
import org.ferstudio.task.ProgressReporter;
import org.ferstudio.vision.GreyImage;
import org.ferstudio.vision.ImageLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Photos in, faces out: loads each file (orientation applied, limits checked), finds and classifies its
 * faces. A file that cannot be read becomes a result with its error and the batch goes on.
 */
public final class PhotoAnalyzer {

    private static final Logger LOG = LoggerFactory.getLogger(PhotoAnalyzer.class);

    private final EmotionRecognizer recognizer;
    private final ImageLoader loader;

    public PhotoAnalyzer(EmotionRecognizer recognizer, ImageLoader loader) {
        this.recognizer = recognizer;
        this.loader = loader;
    }

    /**
     * A loaded photo with its results, for callers that also show or annotate the image. The result's size
     * and boxes are in the file's pixels; {@code image} may be smaller (a large photo is decoded at reduced
     * resolution, {@code step} file pixels per image pixel).
     */
    public record Analysed(BufferedImage image, PhotoResult result, int step) {

        public Analysed(BufferedImage image, PhotoResult result) {
            this(image, result, 1);
        }

        /** The faces with their boxes on {@link #image}, for drawing on it. */
        public List<FaceResult> facesOnImage() {
            return result.faces().stream().map(f -> f.scaled(1.0 / step)).toList();
        }
    }

    public Analysed analyse(Path file) {
        ImageLoader.Sized loaded;
        try {
            loaded = loader.loadSized(file);
        } catch (IOException e) {
            LOG.debug("cannot read {}", file, e);
            return new Analysed(null, PhotoResult.failed(file, e.getMessage()));
        }
        BufferedImage image = loaded.image();
        List<FaceResult> faces = recognizer.recognize(GreyImage.of(image)).stream()
                .map(f -> f.scaled(loaded.step())).toList();
        return new Analysed(image, new PhotoResult(file, loaded.width(), loaded.height(), faces, null), loaded.step());
    }

    /** Like {@link #analyse}, but an unexpected failure on one photo becomes its error, not the batch's end. */
    private Analysed analyseOrReport(Path file) {
        try {
            return analyse(file);
        } catch (RuntimeException e) {
            LOG.warn("analysis of {} failed", file, e);
            return new Analysed(null, PhotoResult.failed(file, "analysis failed: " + e));
        }
    }

    /** Analyses files in order, handing each result to {@code each} as it is ready. */
    public List<PhotoResult> analyseAll(List<Path> files, ProgressReporter progress, Consumer<Analysed> each) {
        List<PhotoResult> results = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            progress.checkCancelled();
            Analysed a = analyseOrReport(files.get(i));
            results.add(a.result());
            each.accept(a);
            progress.report((double) (i + 1) / files.size(), files.get(i).getFileName().toString());
        }
        return results;
    }
}
