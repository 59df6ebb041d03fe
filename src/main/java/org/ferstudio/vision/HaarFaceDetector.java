package org.ferstudio.vision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ferstudio.model.FaceBox;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfRect;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.objdetect.CascadeClassifier;

/**
 * OpenCV's Viola-Jones frontal-face detector with the Haar cascade bundled as a resource
 * ({@value #CASCADE_RESOURCE}, see docs/DETECTION.md for its origin and measured recall).
 *
 * <p>Thread-safe: OpenCV's {@code CascadeClassifier} keeps scratch buffers in the object, so the search
 * itself is serialised on the one classifier. A classifier per thread would not buy speed, because
 * {@code detectMultiScale} already spreads each search over all cores, and thread-local classifiers would
 * leak native memory in pooled threads. Shrinking and copying the image happen outside the lock.
 */
public final class HaarFaceDetector implements FaceDetector {

    public static final String CASCADE_RESOURCE = "haarcascade_frontalface_default.xml";

    private static final Comparator<FaceBox> LARGEST_FIRST = Comparator.comparingInt(FaceBox::area).reversed()
            .thenComparingInt(FaceBox::y).thenComparingInt(FaceBox::x);

    private final DetectorSettings settings;
    private final CascadeClassifier classifier;

    public HaarFaceDetector() {
        this(DetectorSettings.defaults());
    }

    /** @throws IllegalStateException when OpenCV cannot be loaded or the bundled cascade cannot be read */
    public HaarFaceDetector(DetectorSettings settings) {
        OpenCvRuntime.ensureLoaded();
        this.settings = settings;
        this.classifier = loadBundledCascade();
    }

    public DetectorSettings settings() {
        return settings;
    }

    @Override
    public String name() {
        return "haar";
    }

    @Override
    public List<FaceBox> detect(GreyImage image) {
        Mat original = toMat(image);
        Mat searched = DetectionCopy.shrunk(original, settings.maxDetectionSide());
        MatOfRect hits = new MatOfRect();
        try {
            double shrink = (double) searched.cols() / image.width();
            int minSide = (int) Math.ceil(settings.minFaceSizePx() * shrink);
            synchronized (classifier) {
                classifier.detectMultiScale(searched, hits, settings.scaleFactor(), settings.minNeighbors(), 0,
                        new Size(minSide, minSide), new Size());
            }
            return toOriginalBoxes(hits.toArray(), image, searched);
        } finally {
            // Native pixel memory is otherwise freed only when the GC finalises the Mat: too late in a video loop.
            // Releasing the same Mat twice (no shrinking) is harmless.
            hits.release();
            searched.release();
            original.release();
        }
    }


    /** Boxes scaled from the detection copy back to the image, clamped to it, largest first. */
    private static List<FaceBox> toOriginalBoxes(Rect[] hits, GreyImage image, Mat searched) {
        double toX = (double) image.width() / searched.cols();
        double toY = (double) image.height() / searched.rows();
        List<FaceBox> boxes = new ArrayList<>(hits.length);
        for (Rect hit : hits) {
            int left = clamp((int) Math.round(hit.x * toX), image.width());
            int top = clamp((int) Math.round(hit.y * toY), image.height());
            int right = clamp((int) Math.round((hit.x + hit.width) * toX), image.width());
            int bottom = clamp((int) Math.round((hit.y + hit.height) * toY), image.height());
            if (right > left && bottom > top) {
                boxes.add(new FaceBox(left, top, right - left, bottom - top));
            }
        }
        boxes.sort(LARGEST_FIRST);
        return boxes;
    }

    private static int clamp(int value, int max) {
        return Math.max(0, Math.min(max, value));
    }

    private static Mat toMat(GreyImage image) {
        Mat mat = new Mat(image.height(), image.width(), CvType.CV_8UC1);
        mat.put(0, 0, image.pixels());
        return mat;
    }

    /**
     * OpenCV reads cascades only from a file path, so the resource is copied to a temporary file, loaded, and
     * the file deleted at once: nothing is left behind even if the JVM is killed.
     */
    private static CascadeClassifier loadBundledCascade() {
        Path copy = null;
        try (InputStream in = HaarFaceDetector.class.getResourceAsStream(CASCADE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the face cascade resource " + CASCADE_RESOURCE
                        + " is missing from the classpath (org/ferstudio/vision/)");
            }
            copy = Files.createTempFile("fer-studio-haar-", ".xml");
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            CascadeClassifier loaded = new CascadeClassifier(copy.toString());
            if (loaded.empty()) {
                throw new IllegalStateException("OpenCV could not parse the face cascade " + CASCADE_RESOURCE);
            }
            return loaded;
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy the face cascade to a temporary file", e);
        } finally {
            deleteQuietly(copy);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}
