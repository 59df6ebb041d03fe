package org.ferstudio.vision;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.ferstudio.model.DetectedFace;
import org.ferstudio.model.FaceBox;
import org.ferstudio.model.FaceLandmarks;
import org.ferstudio.model.FaceLandmarks.Point;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.FaceDetectorYN;

/**
 * OpenCV's {@code FaceDetectorYN} with the YuNet model bundled as a resource ({@value #MODEL_RESOURCE},
 * see docs/DETECTION.md and THIRD-PARTY-NOTICES.md): boxes, a score and five landmarks per face.
 *
 * <p>The model is read from the classpath into memory, its SHA-256 checked, and handed to OpenCV as a
 * buffer, so no temporary file is needed. Thread-safe: the OpenCV object keeps its input size and network
 * state, so the search is serialised on it; shrinking and colour conversion happen outside the lock.
 */
public final class YuNetFaceDetector implements FaceDetector {

    public static final String MODEL_RESOURCE = "face_detection_yunet_2023mar.onnx";
    /** SHA-256 of the bundled file, equal to OpenCV Zoo's face_detection_yunet_2023mar.onnx. */
    public static final String MODEL_SHA256 = "8f2383e4dd3cfbb4553ea8718107fc0423210dc964f9f4280604804ed2552fa4";

    /**
     * YuNet's box (brow to chin, taller than wide) mapped to the square, Haar-like framing the classifier's
     * crops are taken from: the medians of Haar's box against YuNet's on 366 FER2013 PublicTest faces
     * (DetectionStudy; docs/DETECTION.md, "Framing"). Haar's side is 1.26 YuNet widths there, and 1.15-1.41
     * (median 1.26) on the six faces of the sample photos.
     */
    public static final Framing FRAMING = new Framing(0.003, 0.008, 1.26);

    private static final int COLUMNS = 15;
    private static final Comparator<DetectedFace> LARGEST_FIRST = Comparator
            .comparingInt((DetectedFace f) -> f.box().area()).reversed()
            .thenComparingInt(f -> f.box().y()).thenComparingInt(f -> f.box().x());

    private final Settings settings;
    private final FaceDetectorYN net;

    /**
     * How the detector searches.
     *
     * @param scoreThreshold   faces scoring below this are dropped (0..1)
     * @param nmsThreshold     overlapping boxes above this IoU are merged (0..1)
     * @param minFaceSizePx    faces whose box is narrower than this, in the original pixels, are dropped
     * @param maxDetectionSide detection runs on a copy shrunk so its longer side is at most this; 0 = never
     */
    public record Settings(float scoreThreshold, float nmsThreshold, int minFaceSizePx, int maxDetectionSide) {

        public Settings {
            if (!(scoreThreshold > 0 && scoreThreshold < 1)) {
                throw new IllegalArgumentException("score threshold must be between 0 and 1, got " + scoreThreshold);
            }
            if (!(nmsThreshold > 0 && nmsThreshold < 1)) {
                throw new IllegalArgumentException("NMS threshold must be between 0 and 1, got " + nmsThreshold);
            }
            if (minFaceSizePx < 1) {
                throw new IllegalArgumentException("minimum face size must be at least 1 px, got " + minFaceSizePx);
            }
            if (maxDetectionSide != 0 && maxDetectionSide < 32) {
                throw new IllegalArgumentException("max detection side must be 0 (no shrinking) or at least 32 px, got "
                        + maxDetectionSide);
            }
        }

        /** Score 0.8, NMS 0.3, faces from 30 px, detection on a copy of at most 640 px (docs/DETECTION.md). */
        public static Settings defaults() {
            return new Settings(0.8f, 0.3f, 30, 640);
        }

        /** For video: a 320 px copy, faces from 60 px, as the Haar video preset. */
        public static Settings video() {
            return new Settings(0.8f, 0.3f, 60, 320);
        }

        public Settings withMinFaceSize(int px) {
            return new Settings(scoreThreshold, nmsThreshold, px, maxDetectionSide);
        }
    }

    /**
     * A square box from a YuNet box: its centre moved by {@code shiftX} widths and {@code shiftY} heights, its
     * side {@code sideScale} times the box's width (the width varies least against FER2013's framing).
     */
    public record Framing(double shiftX, double shiftY, double sideScale) {

        public FaceBox apply(FaceBox box) {
            double cx = box.centerX() + shiftX * box.width();
            double cy = box.centerY() + shiftY * box.height();
            int side = Math.max(1, (int) Math.round(sideScale * box.width()));
            return new FaceBox((int) Math.round(cx - side / 2.0), (int) Math.round(cy - side / 2.0), side, side);
        }
    }

    public YuNetFaceDetector() {
        this(Settings.defaults());
    }

    /** @throws IllegalStateException when OpenCV cannot be loaded or the bundled model is missing or damaged */
    public YuNetFaceDetector(Settings settings) {
        OpenCvRuntime.ensureLoaded();
        this.settings = settings;
        byte[] model;
        try (InputStream in = YuNetFaceDetector.class.getResourceAsStream(MODEL_RESOURCE)) {
            model = checkedModel(MODEL_RESOURCE, in);
        } catch (IOException e) {
            throw new IllegalStateException("the YuNet face model " + MODEL_RESOURCE + " could not be read: " + e, e);
        }
        MatOfByte buffer = new MatOfByte(model);
        MatOfByte noConfig = new MatOfByte();
        try {
            this.net = FaceDetectorYN.create("onnx", buffer, noConfig, new Size(320, 320),
                    settings.scoreThreshold(), settings.nmsThreshold(), 5000);
        } catch (RuntimeException e) {
            throw new IllegalStateException("OpenCV could not load the YuNet face model " + MODEL_RESOURCE + ": " + e, e);
        } finally {
            buffer.release();
            noConfig.release();
        }
    }

    /**
     * The model's bytes, if they are the expected file.
     *
     * @param name where they come from, for the message
     * @param in   the bytes, null when the file is missing
     * @throws IllegalStateException naming the file when it is missing or its SHA-256 is not the expected one
     */
    static byte[] checkedModel(String name, InputStream in) throws IOException {
        if (in == null) {
            throw new IllegalStateException("the YuNet face model " + name
                    + " is missing from the classpath (org/ferstudio/vision/); the build is incomplete");
        }
        byte[] bytes = in.readAllBytes();
        String actual = sha256(bytes);
        if (!actual.equals(MODEL_SHA256)) {
            throw new IllegalStateException("the YuNet face model " + name + " is damaged: " + bytes.length
                    + " bytes with SHA-256 " + actual + ", expected " + MODEL_SHA256 + " (232,589 bytes)");
        }
        return bytes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public String name() {
        return "yunet";
    }

    @Override
    public FaceBox classifierFraming(FaceBox detected) {
        return FRAMING.apply(detected);
    }

    @Override
    public List<FaceBox> detect(GreyImage image) {
        return detectFaces(image).stream().map(DetectedFace::box).toList();
    }

    @Override
    public List<DetectedFace> detectFaces(GreyImage image) {
        Mat grey = new Mat(image.height(), image.width(), CvType.CV_8UC1);
        grey.put(0, 0, image.pixels());
        Mat searched = DetectionCopy.shrunk(grey, settings.maxDetectionSide());
        Mat bgr = new Mat();
        Mat rows = new Mat();
        try {
            // The network was trained on colour photos and takes 3 channels; a grey copy in each works.
            Imgproc.cvtColor(searched, bgr, Imgproc.COLOR_GRAY2BGR);
            synchronized (net) {
                net.setInputSize(bgr.size());
                net.detect(bgr, rows);
            }
            return toOriginal(rows, image, (double) image.width() / searched.cols(),
                    (double) image.height() / searched.rows());
        } finally {
            // Native pixel memory is otherwise freed only when the GC finalises the Mat: too late in a video loop.
            rows.release();
            bgr.release();
            searched.release();
            grey.release();
        }
    }


    /** Rows of x, y, w, h, five (x, y) landmarks, score, scaled back to the image, boxes clamped to it. */
    private List<DetectedFace> toOriginal(Mat rows, GreyImage image, double toX, double toY) {
        List<DetectedFace> faces = new ArrayList<>(rows.rows());
        float[] r = new float[COLUMNS];
        for (int i = 0; i < rows.rows(); i++) {
            rows.get(i, 0, r);
            int left = clamp(Math.round(r[0] * toX), image.width());
            int top = clamp(Math.round(r[1] * toY), image.height());
            int right = clamp(Math.round((r[0] + r[2]) * toX), image.width());
            int bottom = clamp(Math.round((r[1] + r[3]) * toY), image.height());
            if (right <= left || bottom <= top || r[2] * toX < settings.minFaceSizePx()) {
                continue;
            }
            FaceLandmarks landmarks = new FaceLandmarks(new Point(r[4] * toX, r[5] * toY),
                    new Point(r[6] * toX, r[7] * toY), new Point(r[8] * toX, r[9] * toY),
                    new Point(r[10] * toX, r[11] * toY), new Point(r[12] * toX, r[13] * toY));
            faces.add(new DetectedFace(new FaceBox(left, top, right - left, bottom - top), r[14], landmarks));
        }
        faces.sort(LARGEST_FIRST);
        return faces;
    }

    private static int clamp(long value, int max) {
        return (int) Math.max(0, Math.min(max, value));
    }
}
