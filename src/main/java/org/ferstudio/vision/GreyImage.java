package org.ferstudio.vision;

/**
 * An 8-bit grey image, row-major: what detection and the face preprocessing work on, whether the
 * pixels came from a photo (Java imaging) or a video frame (OpenCV). Keeps OpenCV and AWT types out of
 * the interfaces between them.
 */
public record GreyImage(int width, int height, byte[] pixels) {

    public GreyImage {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if (pixels.length != width * height) {
            throw new IllegalArgumentException(pixels.length + " pixels for a " + width + "x" + height + " image");
        }
    }

    public int at(int x, int y) {
        return pixels[y * width + x] & 0xFF;
    }
}
