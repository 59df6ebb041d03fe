package org.ferstudio.vision;

import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** The copy a detector searches: the image shrunk so its longer side is at most a limit (both detectors). */
final class DetectionCopy {

    private DetectionCopy() {
    }

    /**
     * {@code original} itself when {@code limit} is 0 or the image fits, else a new shrunk copy. Area averaging,
     * not sampling: keeps the fine edges the detectors look at free of aliasing.
     */
    static Mat shrunk(Mat original, int limit) {
        int longest = Math.max(original.cols(), original.rows());
        if (limit == 0 || longest <= limit) {
            return original;
        }
        double scale = (double) limit / longest;
        Size size = new Size(Math.max(1, Math.round(original.cols() * scale)),
                Math.max(1, Math.round(original.rows() * scale)));
        Mat shrunk = new Mat();
        Imgproc.resize(original, shrunk, size, 0, 0, Imgproc.INTER_AREA);
        return shrunk;
    }
}
