package org.ferstudio.model;

/** A face's bounding box in image pixels: left, top, width, height. */
public record FaceBox(int x, int y, int width, int height) {

    public FaceBox {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("box size must be positive, got " + width + "x" + height);
        }
    }

    public int area() {
        return width * height;
    }

    public double centerX() {
        return x + width / 2.0;
    }

    public double centerY() {
        return y + height / 2.0;
    }

    /** Intersection over union with another box, 0..1. */
    public double iou(FaceBox o) {
        int ix = Math.max(0, Math.min(x + width, o.x + o.width) - Math.max(x, o.x));
        int iy = Math.max(0, Math.min(y + height, o.y + o.height) - Math.max(y, o.y));
        double inter = (double) ix * iy;
        return inter == 0 ? 0 : inter / (area() + o.area() - inter);
    }

    /** This box scaled by a factor (e.g. from a downscaled detection copy back to the original). */
    public FaceBox scaled(double factor) {
        return new FaceBox((int) Math.round(x * factor), (int) Math.round(y * factor),
                Math.max(1, (int) Math.round(width * factor)), Math.max(1, (int) Math.round(height * factor)));
    }
}
