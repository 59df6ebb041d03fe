package org.ferstudio.app.webcam;

/**
 * Where a frame of {@code imageWidth x imageHeight} sits when it is fitted into an area, aspect ratio kept
 * and centred: the video and its overlay are both placed by this one computation, so the boxes stay on the
 * faces at every window size.
 *
 * @param x      the left edge of the shown frame in the area
 * @param y      the top edge of the shown frame in the area
 * @param scale  area pixels per frame pixel
 * @param width  the shown frame's width in the area
 * @param height the shown frame's height in the area
 */
record Letterbox(double x, double y, double scale, double width, double height) {

    /** Fits the frame into the area; a zero scale when either has no size. */
    static Letterbox fit(double imageWidth, double imageHeight, double areaWidth, double areaHeight) {
        if (imageWidth <= 0 || imageHeight <= 0 || areaWidth <= 0 || areaHeight <= 0) {
            return new Letterbox(0, 0, 0, 0, 0);
        }
        double scale = Math.min(areaWidth / imageWidth, areaHeight / imageHeight);
        double width = imageWidth * scale;
        double height = imageHeight * scale;
        return new Letterbox((areaWidth - width) / 2, (areaHeight - height) / 2, scale, width, height);
    }

    /** A frame x coordinate in the area. */
    double areaX(double frameX) {
        return x + frameX * scale;
    }

    /** A frame y coordinate in the area. */
    double areaY(double frameY) {
        return y + frameY * scale;
    }

    boolean isEmpty() {
        return scale == 0;
    }
}
