package org.ferstudio.infer.video;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.ferstudio.vision.OpenCvRuntime;
import org.opencv.core.Mat;
import org.opencv.videoio.VideoCapture;
import org.opencv.videoio.Videoio;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames from a video file or a camera, through OpenCV's VideoCapture. One thread at a time may read;
 * {@link #close()} releases the file or camera. With the bundled OpenCV, files must be MJPG in AVI.
 */
public final class VideoSource implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VideoSource.class);
    // OpenCV's own MJPEG reader reports the position of the next frame once one was read
    private static final String OWN_MJPEG_BACKEND = "CV_MJPEG";
    // some V4L2 drivers fail a read or two while the camera warms up or changes exposure
    private static final int CAMERA_READ_ATTEMPTS = 5;

    private final VideoCapture capture;
    private final String name;
    private final Path file;
    private final int cameraIndex;
    private final boolean positionIsNext;
    private final long openedNanos = System.nanoTime();
    private long nextIndex;

    private VideoSource(VideoCapture capture, String name, Path file, int cameraIndex) {
        this.capture = capture;
        this.name = name;
        this.file = file;
        this.cameraIndex = cameraIndex;
        this.positionIsNext = OWN_MJPEG_BACKEND.equals(capture.getBackendName());
    }

    /** Opens a video file; the message of the exception says why it cannot be read and what to do. */
    public static VideoSource openFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw VideoOpenErrors.missingFile(file);
        }
        OpenCvRuntime.ensureLoaded();
        VideoCapture capture = new VideoCapture(file.toAbsolutePath().toString());
        if (!capture.isOpened()) {
            capture.release();
            throw VideoOpenErrors.cannotDecode(file);
        }
        VideoSource source = new VideoSource(capture, file.getFileName().toString(), file, -1);
        LOG.debug("opened {} with {}: {} fps, {} frames", file, capture.getBackendName(), source.fps(), source.frameCount());
        return source;
    }

    /** Opens camera {@code index} (0 is the first; /dev/videoN on Linux). */
    public static VideoSource openCamera(int index) throws IOException {
        if (index < 0) {
            throw new IllegalArgumentException("camera index must be 0 or more, got " + index);
        }
        OpenCvRuntime.ensureLoaded();
        VideoCapture capture = new VideoCapture(index);
        if (!capture.isOpened()) {
            capture.release();
            throw VideoOpenErrors.noCamera(index);
        }
        return new VideoSource(capture, "camera " + index, null, index);
    }

    /** "clip.avi" or "camera 0". */
    public String name() {
        return name;
    }

    /** True for a camera: frames arrive in real time and there is no end. */
    public boolean isLive() {
        return file == null;
    }

    /** Frames per second as the file or the camera driver states it; empty when unknown. */
    public OptionalDouble fps() {
        double fps = capture.get(Videoio.CAP_PROP_FPS);
        return fps > 0 && fps < 1000 ? OptionalDouble.of(fps) : OptionalDouble.empty();
    }

    /** Frames in the file; empty for cameras and files that do not say. */
    public OptionalLong frameCount() {
        double count = isLive() ? 0 : capture.get(Videoio.CAP_PROP_FRAME_COUNT);
        return count > 0 ? OptionalLong.of((long) count) : OptionalLong.empty();
    }

    /**
     * The next frame, which the caller must close; null at the end of a file.
     *
     * @throws IOException when a file's first frame cannot be decoded or a camera stops delivering
     */
    public Frame read() throws IOException {
        for (int attempt = 1; ; attempt++) {
            double positionMs = capture.get(Videoio.CAP_PROP_POS_MSEC);
            Mat bgr = new Mat();
            if (capture.read(bgr) && !bgr.empty()) {
                if (!positionIsNext) {
                    positionMs = capture.get(Videoio.CAP_PROP_POS_MSEC);
                }
                long timestamp = isLive() ? (System.nanoTime() - openedNanos) / 1_000_000 : Math.round(positionMs);
                return Frame.of(nextIndex++, timestamp, bgr);
            }
            bgr.release();
            if (!isLive() || attempt >= CAMERA_READ_ATTEMPTS) {
                return endOfFrames();
            }
        }
    }

    private Frame endOfFrames() throws IOException {
        if (isLive()) {
            throw new IOException("camera " + cameraIndex + " stopped delivering frames (unplugged, or used by another program?)");
        }
        if (nextIndex == 0) {
            throw VideoOpenErrors.cannotDecode(file);
        }
        return null;
    }

    /** Releases the file or camera; safe to call more than once. */
    @Override
    public void close() {
        capture.release();
    }
}
