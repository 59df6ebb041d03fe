package org.ferstudio.infer.video;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.ferstudio.model.FaceBox;
import org.ferstudio.model.FaceLandmarks;
import org.ferstudio.model.FaceResult;
import org.ferstudio.vision.FaceAnnotator;
import org.ferstudio.vision.OpenCvRuntime;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.videoio.VideoCapture;
import org.opencv.videoio.VideoWriter;
import org.opencv.videoio.Videoio;

/**
 * Draws the tracked faces into frames (box and "#3 Happy 87%", one colour per expression, the colours of
 * the photo annotations, and on request the detector's five landmarks as dots) and writes them as an MJPG .avi, the one format the bundled OpenCV both writes
 * and reads. The video is staged beside the target and moved into place by {@link #commit()} after it
 * was read back successfully. One thread at a time.
 */
public final class VideoAnnotator implements AutoCloseable {

    private static final int FONT = Imgproc.FONT_HERSHEY_SIMPLEX;

    private final Path target;
    private final Path staged;
    private final Size size;
    private final VideoWriter writer;
    private final boolean landmarks;
    private long written;
    private boolean released;
    private boolean committed;

    /** Opens the video for frames of {@code width} x {@code height} at {@code fps}, without landmarks. */
    public VideoAnnotator(Path target, double fps, int width, int height) throws IOException {
        this(target, fps, width, height, false);
    }

    /**
     * Opens the video for frames of {@code width} x {@code height} at {@code fps}; {@code landmarks} also draws
     * the five landmarks of faces that have them.
     */
    public VideoAnnotator(Path target, double fps, int width, int height, boolean landmarks) throws IOException {
        OpenCvRuntime.ensureLoaded();
        this.landmarks = landmarks;
        this.target = target.toAbsolutePath().normalize();
        this.staged = StagedFiles.besides(this.target, ".tmp.avi");
        this.size = new Size(width, height);
        // the own MJPEG backend explicitly: probing the others only logs noise, and none of them could write MJPG
        this.writer = new VideoWriter(staged.toString(), Videoio.CAP_OPENCV_MJPEG,
                VideoWriter.fourcc('M', 'J', 'P', 'G'), fps, size, true);
        if (!writer.isOpened()) {
            writer.release();
            Files.deleteIfExists(staged);
            throw new IOException("cannot write the annotated video " + target + " (is the folder writable?)");
        }
    }

    /** Draws the faces into the frame's own pixels; with {@code landmarks}, also their five landmarks. */
    public static void draw(Frame frame, List<TrackedFace> faces, boolean landmarks) {
        Mat image = frame.bgr();
        double fontScale = Math.max(0.45, Math.min(frame.width(), frame.height()) / 800.0);
        int thickness = Math.max(1, (int) Math.round(fontScale * 2));
        for (TrackedFace face : faces) {
            FaceResult r = face.result();
            FaceBox b = r.box();
            Color c = FaceAnnotator.colour(r.bestIndex());
            Scalar colour = new Scalar(c.getBlue(), c.getGreen(), c.getRed());
            Imgproc.rectangle(image, new Point(b.x(), b.y()), new Point(b.x() + b.width() - 1, b.y() + b.height() - 1),
                    colour, thickness + 1);
            if (landmarks && r.landmarks() != null) {
                drawLandmarks(image, r.landmarks(), colour, Math.max(2, (int) Math.round(b.width() / 40.0)));
            }
            String caption = String.format(Locale.ROOT, "#%d %s %.0f%%", face.trackId(), r.label(), 100 * r.confidence());
            int[] baseline = new int[1];
            Size text = Imgproc.getTextSize(caption, FONT, fontScale, thickness, baseline);
            double height = text.height + baseline[0] + 4;
            double top = b.y() >= height ? b.y() - height : b.y() + b.height();
            Imgproc.rectangle(image, new Point(b.x(), top), new Point(b.x() + text.width + 6, top + height), colour, -1);
            Scalar ink = c.getRed() + c.getGreen() + c.getBlue() > 450 ? new Scalar(0, 0, 0) : new Scalar(255, 255, 255);
            Imgproc.putText(image, caption, new Point(b.x() + 3, top + text.height + 2), FONT, fontScale, ink, thickness,
                    Imgproc.LINE_AA);
        }
    }

    /** A dot per landmark in the box's colour, ringed in white, as the photo annotations draw them. */
    private static void drawLandmarks(Mat image, FaceLandmarks points, Scalar colour, int radius) {
        Scalar white = new Scalar(255, 255, 255);
        for (FaceLandmarks.Point p : points.points()) {
            Point centre = new Point(p.x(), p.y());
            Imgproc.circle(image, centre, radius, colour, -1, Imgproc.LINE_AA);
            Imgproc.circle(image, centre, radius, white, Math.max(1, radius / 3), Imgproc.LINE_AA);
        }
    }

    /** Draws the faces into the frame and appends it to the video. */
    public void write(Frame frame, List<TrackedFace> faces) {
        if (frame.width() != size.width || frame.height() != size.height) {
            throw new IllegalArgumentException("frame of " + frame.width() + "x" + frame.height() + " for a video of "
                    + (int) size.width + "x" + (int) size.height);
        }
        draw(frame, faces, landmarks);
        writer.write(frame.bgr());
        written++;
    }

    /** Finishes the file, checks that it reads back with every frame, and moves it to its name. */
    public void commit() throws IOException {
        release();
        long readable = readableFrames(staged);
        if (written == 0 || readable != written) {
            throw new IOException("the annotated video " + target + " did not come out right: " + written
                    + " frames written, " + (readable < 0 ? "but the file does not read back" : readable + " in the file"));
        }
        StagedFiles.moveIntoPlace(staged, target);
        committed = true;
    }

    /** Without a commit, deletes the partial video. */
    @Override
    public void close() throws IOException {
        release();
        if (!committed) {
            Files.deleteIfExists(staged);
        }
    }

    private void release() {
        if (!released) {
            released = true;
            writer.release();
        }
    }

    /**
     * Frames the file says it holds, if its first and last frame decode; -1 if not. Decoding only those two
     * keeps the check short for long videos and still catches a truncated or unreadable file.
     */
    private static long readableFrames(Path video) {
        VideoCapture capture = new VideoCapture(video.toString());
        Mat frame = new Mat();
        try {
            long count = capture.isOpened() ? (long) capture.get(Videoio.CAP_PROP_FRAME_COUNT) : -1;
            if (count <= 0 || !capture.read(frame)) {
                return -1;
            }
            capture.set(Videoio.CAP_PROP_POS_FRAMES, count - 1);
            return capture.read(frame) ? count : -1;
        } finally {
            frame.release();
            capture.release();
        }
    }
}
