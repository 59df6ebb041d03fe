package org.ferstudio.vision;

import org.ferstudio.model.FaceBox;
import org.ferstudio.model.FaceLandmarks;
import org.opencv.core.CvType;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Levels a face by its eyes before the crop: the patch around the face is rotated about the box's centre
 * so that the line through the eye landmarks is horizontal. The result is a small image with the box in
 * its middle, which {@code face.FacePreprocessor.cropFace} then crops exactly as it crops an unrotated face, so
 * the crop, resize and normalisation stay one code path. Stateless and thread-safe.
 */
public final class FaceAligner {

    /** Tilts below this are left alone: rotating would only blur the face by resampling it. */
    static final double MIN_TILT_DEGREES = 1.0;

    /** An image and the face box in its pixels: what the crop is taken from. */
    public record View(GreyImage image, FaceBox box) {
    }

    /**
     * The face in {@code box} with its eyes levelled, in a patch large enough for a crop with {@code margin};
     * the image and box unchanged when there are no landmarks or the eyes are already level.
     */
    public View align(GreyImage image, FaceBox box, FaceLandmarks landmarks, double margin) {
        if (landmarks == null || Math.abs(landmarks.eyeLineDegrees()) < MIN_TILT_DEGREES) {
            return new View(image, box);
        }
        OpenCvRuntime.ensureLoaded();
        // The crop is a square of this side around the box's centre; one pixel more on each side keeps the
        // crop's rounding inside the patch.
        int side = (int) Math.ceil(Math.max(box.width(), box.height()) * (1 + 2 * margin)) + 2;
        double cx = box.centerX();
        double cy = box.centerY();
        // Only the source pixels the rotated patch can reach are copied: the circle around the square.
        int reach = (int) Math.ceil(side * Math.sqrt(0.5)) + 2;
        int left = Math.max(0, (int) Math.floor(cx) - reach);
        int top = Math.max(0, (int) Math.floor(cy) - reach);
        int right = Math.min(image.width(), (int) Math.ceil(cx) + reach);
        int bottom = Math.min(image.height(), (int) Math.ceil(cy) + reach);
        Mat source = region(image, new Rect(left, top, right - left, bottom - top));
        Mat rotation = Imgproc.getRotationMatrix2D(new Point(cx - left, cy - top), landmarks.eyeLineDegrees(), 1.0);
        Mat rotated = new Mat();
        try {
            // move the box's centre to the patch's centre
            rotation.put(0, 2, rotation.get(0, 2)[0] + side / 2.0 - (cx - left));
            rotation.put(1, 2, rotation.get(1, 2)[0] + side / 2.0 - (cy - top));
            // edge pixels repeated, as cropFace repeats them where a crop leaves the image
            Imgproc.warpAffine(source, rotated, rotation, new Size(side, side), Imgproc.INTER_LINEAR,
                    Core.BORDER_REPLICATE);
            byte[] pixels = new byte[side * side];
            rotated.get(0, 0, pixels);
            FaceBox centred = new FaceBox((int) Math.round(side / 2.0 - box.width() / 2.0),
                    (int) Math.round(side / 2.0 - box.height() / 2.0), box.width(), box.height());
            return new View(new GreyImage(side, side, pixels), centred);
        } finally {
            rotated.release();
            rotation.release();
            source.release();
        }
    }

    private static Mat region(GreyImage image, Rect r) {
        Mat mat = new Mat(r.height, r.width, CvType.CV_8UC1);
        byte[] row = new byte[r.width];
        for (int y = 0; y < r.height; y++) {
            System.arraycopy(image.pixels(), (r.y + y) * image.width() + r.x, row, 0, r.width);
            mat.put(y, 0, row);
        }
        return mat;
    }
}
