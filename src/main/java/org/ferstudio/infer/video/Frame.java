package org.ferstudio.infer.video;

import org.ferstudio.vision.GreyImage;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * One video frame: its place in the stream, the grey image that detection and classification use, and
 * the colour pixels (kept as an OpenCV matrix inside this package) for drawing and display. Must be
 * closed: the colour pixels are native memory that the garbage collector frees far too late for video.
 * Not a record on purpose: a record would publish the OpenCV matrix to every caller.
 */
public final class Frame implements AutoCloseable {

    private final long index;
    private final long timestampMs;
    private final long capturedNanos;
    private final GreyImage grey;
    private final Mat bgr;

    private Frame(long index, long timestampMs, long capturedNanos, GreyImage grey, Mat bgr) {
        this.index = index;
        this.timestampMs = timestampMs;
        this.capturedNanos = capturedNanos;
        this.grey = grey;
        this.bgr = bgr;
    }

    /** Wraps a decoded BGR (or grey) matrix, taking ownership of it. */
    static Frame of(long index, long timestampMs, Mat bgr) {
        return new Frame(index, timestampMs, System.nanoTime(), toGrey(bgr), bgr);
    }

    /** 0 for the first frame read from the source. */
    public long index() {
        return index;
    }

    /** Milliseconds from the start of the video (the file's clock, or the wall clock for a camera). */
    public long timestampMs() {
        return timestampMs;
    }

    public GreyImage grey() {
        return grey;
    }

    public int width() {
        return grey.width();
    }

    public int height() {
        return grey.height();
    }

    /** A copy of the colour pixels, 3 bytes per pixel in B, G, R order, row-major: for display outside OpenCV. */
    public byte[] bgrPixels() {
        byte[] pixels = new byte[width() * height() * 3];
        if (bgr.channels() == 3) {
            bgr.get(0, 0, pixels);
        } else {
            Mat colour = new Mat();
            try {
                Imgproc.cvtColor(bgr, colour, bgr.channels() == 4 ? Imgproc.COLOR_BGRA2BGR : Imgproc.COLOR_GRAY2BGR);
                colour.get(0, 0, pixels);
            } finally {
                colour.release();
            }
        }
        return pixels;
    }

    /** When the frame was read, on the {@link System#nanoTime()} clock: the start of its latency. */
    long capturedNanos() {
        return capturedNanos;
    }

    /** The colour pixels; drawing into them changes what {@link #bgrPixels()} and writers see. */
    Mat bgr() {
        return bgr;
    }

    /** Frees the native pixels; safe to call more than once. */
    @Override
    public void close() {
        bgr.release();
    }

    private static GreyImage toGrey(Mat bgr) {
        byte[] pixels = new byte[bgr.cols() * bgr.rows()];
        if (bgr.type() == CvType.CV_8UC1) {
            bgr.get(0, 0, pixels);
        } else {
            Mat grey = new Mat();
            try {
                // OpenCV's weights are the ITU-R 601 ones the photo path (FacePreprocessor) uses
                Imgproc.cvtColor(bgr, grey, bgr.channels() == 4 ? Imgproc.COLOR_BGRA2GRAY : Imgproc.COLOR_BGR2GRAY);
                grey.get(0, 0, pixels);
            } finally {
                grey.release();
            }
        }
        return new GreyImage(bgr.cols(), bgr.rows(), pixels);
    }
}
