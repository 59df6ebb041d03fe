package org.ferstudio.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Five points of a face in image pixels, named from the subject's point of view as YuNet names them: the
 * subject's right eye is on the image's left in an unmirrored photo.
 */
public record FaceLandmarks(Point rightEye, Point leftEye, Point noseTip, Point rightMouthCorner,
                            Point leftMouthCorner) {

    /** The names used in JSON and CSV output, in the order of the components. */
    public static final String[] NAMES = {"right_eye", "left_eye", "nose_tip", "right_mouth_corner", "left_mouth_corner"};

    /** A point in image pixels (sub-pixel). */
    public record Point(double x, double y) {
    }

    /** The points in {@link #NAMES} order. */
    public Point[] points() {
        return new Point[] {rightEye, leftEye, noseTip, rightMouthCorner, leftMouthCorner};
    }

    /** Name to point, in {@link #NAMES} order. */
    public Map<String, Point> named() {
        Map<String, Point> named = new LinkedHashMap<>();
        Point[] points = points();
        for (int i = 0; i < NAMES.length; i++) {
            named.put(NAMES[i], points[i]);
        }
        return named;
    }

    /**
     * How far the line from the image-left eye to the image-right eye turns clockwise from level, in
     * degrees (image y points down): the rotation that levels the eyes is minus this.
     */
    public double eyeLineDegrees() {
        return Math.toDegrees(Math.atan2(leftEye.y() - rightEye.y(), leftEye.x() - rightEye.x()));
    }

    /** Every point scaled by {@code factor}, e.g. from a downscaled detection copy back to the image. */
    public FaceLandmarks scaled(double factorX, double factorY) {
        return new FaceLandmarks(scale(rightEye, factorX, factorY), scale(leftEye, factorX, factorY),
                scale(noseTip, factorX, factorY), scale(rightMouthCorner, factorX, factorY),
                scale(leftMouthCorner, factorX, factorY));
    }

    private static Point scale(Point p, double fx, double fy) {
        return new Point(p.x() * fx, p.y() * fy);
    }
}
