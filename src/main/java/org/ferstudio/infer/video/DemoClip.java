package org.ferstudio.infer.video;

import java.io.IOException;
import java.nio.file.Path;
import org.ferstudio.vision.OpenCvRuntime;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.opencv.videoio.VideoWriter;
import org.opencv.videoio.Videoio;

/**
 * A video made from a still photo: the photo, scaled to the frame height, moves sideways over a grey
 * background. The project ships no video and the bundled OpenCV writes MJPG .avi itself, so the
 * benchmark and the tests make their clips with this.
 */
public final class DemoClip {

    /** How far the photo moves per frame, in pixels. */
    public static final int SHIFT_PER_FRAME = 3;
    /** Where the photo's left edge is in frame 0. */
    public static final int FIRST_LEFT = 100;

    private DemoClip() {
    }

    /** Writes {@code frames} frames of {@code width x height} at {@code fps} to {@code clip} (MJPG .avi). */
    public static Path make(Path photo, Path clip, int frames, int width, int height, double fps) throws IOException {
        OpenCvRuntime.ensureLoaded();
        Mat source = Imgcodecs.imread(photo.toString());
        Mat scaled = new Mat();
        Mat canvas = new Mat(height, width, CvType.CV_8UC3);
        VideoWriter writer = new VideoWriter(clip.toString(), Videoio.CAP_OPENCV_MJPEG,
                VideoWriter.fourcc('M', 'J', 'P', 'G'), fps, new Size(width, height), true);
        try {
            if (source.empty()) {
                throw new IOException("cannot read " + photo + " to make a clip");
            }
            if (!writer.isOpened()) {
                throw new IOException("cannot write the clip " + clip);
            }
            int photoWidth = Math.min(width - FIRST_LEFT, (int) Math.round(source.cols() * (double) height / source.rows()));
            Imgproc.resize(source, scaled, new Size(photoWidth, height), 0, 0, Imgproc.INTER_AREA);
            for (int i = 0; i < frames; i++) {
                canvas.setTo(new Scalar(128, 128, 128));
                Mat place = canvas.submat(new Rect(left(i, width - photoWidth), 0, photoWidth, height));
                scaled.copyTo(place);
                place.release();
                writer.write(canvas);
            }
        } finally {
            writer.release();
            canvas.release();
            scaled.release();
            source.release();
        }
        return clip;
    }

    /** The photo's left edge in frame {@code i}: back and forth between FIRST_LEFT and {@code maxLeft}. */
    static int left(int i, int maxLeft) {
        int steps = Math.max(1, (maxLeft - FIRST_LEFT) / SHIFT_PER_FRAME);
        int phase = i % (2 * steps);
        return Math.min(maxLeft, FIRST_LEFT + SHIFT_PER_FRAME * (phase <= steps ? phase : 2 * steps - phase));
    }
}
