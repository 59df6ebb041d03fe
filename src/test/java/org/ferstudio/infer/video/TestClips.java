package org.ferstudio.infer.video;

import java.io.IOException;
import java.nio.file.Path;
import org.ferstudio.testutil.SharedData;
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
 * Test videos made from the shared sample photos: the project ships no video, and the bundled OpenCV can
 * write MJPG .avi itself. Skips the calling test when the photos are absent.
 */
public final class TestClips {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 480;
    public static final double FPS = 25;
    /** How far the portrait moves right per frame, in pixels. */
    public static final int SHIFT_PER_FRAME = 3;
    /** Where the portrait's left edge is in frame 0. */
    public static final int FIRST_LEFT = 100;

    private TestClips() {
    }

    /**
     * {@code frames} frames of 640x480 at 25 fps: obama.jpg scaled to the frame height (no distortion) on a
     * grey background, moving {@value #SHIFT_PER_FRAME} px per frame: to the right, and back at the edge.
     */
    public static Path obamaClip(Path dir, int frames) throws IOException {
        Path photo = SharedData.photo("obama.jpg");
        OpenCvRuntime.ensureLoaded();
        Path clip = dir.resolve("obama.avi");
        Mat source = Imgcodecs.imread(photo.toString());
        Mat portrait = new Mat();
        Mat canvas = new Mat(HEIGHT, WIDTH, CvType.CV_8UC3);
        VideoWriter writer = new VideoWriter(clip.toString(), Videoio.CAP_OPENCV_MJPEG,
                VideoWriter.fourcc('M', 'J', 'P', 'G'), FPS, new Size(WIDTH, HEIGHT), true);
        try {
            if (source.empty() || !writer.isOpened()) {
                throw new IOException("could not make the test clip " + clip);
            }
            int width = (int) Math.round(source.cols() * (double) HEIGHT / source.rows());
            Imgproc.resize(source, portrait, new Size(width, HEIGHT), 0, 0, Imgproc.INTER_AREA);
            for (int i = 0; i < frames; i++) {
                canvas.setTo(new Scalar(128, 128, 128));
                Mat place = canvas.submat(new Rect(left(i, WIDTH - width), 0, width, HEIGHT));
                portrait.copyTo(place);
                place.release();
                writer.write(canvas);
            }
        } finally {
            writer.release();
            canvas.release();
            portrait.release();
            source.release();
        }
        return clip;
    }

    /** The portrait's left edge in frame {@code i}: a ping-pong between FIRST_LEFT and {@code maxLeft}. */
    private static int left(int i, int maxLeft) {
        int steps = (maxLeft - FIRST_LEFT) / SHIFT_PER_FRAME;
        int phase = i % (2 * steps);
        return FIRST_LEFT + SHIFT_PER_FRAME * (phase <= steps ? phase : 2 * steps - phase);
    }
}
