package org.ferstudio.app.photos;

import org.ferstudio.model.FaceBox;

/**
 * Where an image drawn "scaled to fit, centred" lands in a view of a given size, and the way back. The
 * canvas draws the photo and its face boxes with the same geometry and maps clicks back through it, so
 * boxes and hit-testing stay right at every window size. Plain arithmetic, no JavaFX, so it is unit tested
 * on its own.
 *
 * @param scale   view pixels per image pixel
 * @param offsetX left edge of the drawn image in the view
 * @param offsetY top edge of the drawn image in the view
 */
public record FitGeometry(double scale, double offsetX, double offsetY, double imageWidth, double imageHeight) {

    /** A rectangle in view coordinates. */
    public record ViewRect(double x, double y, double width, double height) {

        public boolean contains(double px, double py) {
            return px >= x && px <= x + width && py >= y && py <= y + height;
        }
    }

    /**
     * The image scaled by the largest factor that shows it whole (up or down) and centred, leaving equal bands
     * on the two sides that do not fill.
     *
     * @throws IllegalArgumentException when a size is not positive: there is nothing to fit or nowhere to draw
     */
    public static FitGeometry fit(double imageWidth, double imageHeight, double viewWidth, double viewHeight) {
        if (!(imageWidth > 0 && imageHeight > 0 && viewWidth > 0 && viewHeight > 0)) {
            throw new IllegalArgumentException("sizes must be positive: image " + imageWidth + "x" + imageHeight
                    + ", view " + viewWidth + "x" + viewHeight);
        }
        double scale = Math.min(viewWidth / imageWidth, viewHeight / imageHeight);
        return new FitGeometry(scale, (viewWidth - imageWidth * scale) / 2, (viewHeight - imageHeight * scale) / 2,
                imageWidth, imageHeight);
    }

    /** Where the whole image is drawn. */
    public ViewRect imageRect() {
        return new ViewRect(offsetX, offsetY, imageWidth * scale, imageHeight * scale);
    }

    /** Where a face box (image pixels) is drawn. */
    public ViewRect toView(FaceBox box) {
        return new ViewRect(toViewX(box.x()), toViewY(box.y()), box.width() * scale, box.height() * scale);
    }

    public double toViewX(double imageX) {
        return offsetX + imageX * scale;
    }

    public double toViewY(double imageY) {
        return offsetY + imageY * scale;
    }

    public double toImageX(double viewX) {
        return (viewX - offsetX) / scale;
    }

    public double toImageY(double viewY) {
        return (viewY - offsetY) / scale;
    }

    /** A distance in view pixels as image pixels (e.g. a click tolerance that feels the same at every zoom). */
    public double toImageLength(double viewLength) {
        return viewLength / scale;
    }
}
