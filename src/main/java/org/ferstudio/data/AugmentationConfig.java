package org.ferstudio.data;

import org.ferstudio.face.FaceTranslator;

/**
 * Random training-time changes to a face image; see {@link Augmenter}. Recorded in model cards.
 *
 * @param flip               mirror left-right with probability 1/2
 * @param maxShiftPx         shift up to this many pixels in x and y
 * @param maxRotationDeg     rotate up to this many degrees either way about the centre
 * @param maxScale           zoom by up to this fraction either way (0.1 = 90%..110%)
 * @param brightness         add up to this fraction of the value range either way
 * @param contrast           scale the distance from the image mean by up to this fraction either way
 * @param erasingProbability chance of filling a random rectangle (2-20% of the area) with noise
 */
public record AugmentationConfig(boolean flip, int maxShiftPx, double maxRotationDeg, double maxScale,
                                 double brightness, double contrast, double erasingProbability) {

    public AugmentationConfig {
        check(maxShiftPx >= 0 && maxShiftPx < FaceTranslator.SIDE / 2, "maxShiftPx must be 0..23", maxShiftPx);
        check(maxRotationDeg >= 0 && maxRotationDeg <= 180, "maxRotationDeg must be 0..180", maxRotationDeg);
        check(maxScale >= 0 && maxScale < 1, "maxScale must be in [0, 1)", maxScale);
        check(brightness >= 0 && brightness <= 1, "brightness must be 0..1", brightness);
        check(contrast >= 0 && contrast <= 1, "contrast must be 0..1", contrast);
        check(erasingProbability >= 0 && erasingProbability <= 1, "erasingProbability must be 0..1", erasingProbability);
    }

    /** No change: the augmenter then gives exactly the plain normalised image. */
    public static AugmentationConfig none() {
        return new AugmentationConfig(false, 0, 0, 0, 0, 0, 0);
    }

    /** The usual FER2013 recipe: flip, shift 4 px, rotate 10 degrees, zoom 10%, light 20%, erasing 25%. */
    public static AugmentationConfig standard() {
        return new AugmentationConfig(true, 4, 10, 0.1, 0.2, 0.2, 0.25);
    }

    /**
     * The stronger recipe of issue 17 for long runs: the standard one with a random resized crop at scale
     * 0.8-1.2 (zoom either way; zooming out fills the border with the nearest edge pixel) and shifts of up to
     * 10 px (20% of the 48-pixel side).
     */
    public static AugmentationConfig strong() {
        return new AugmentationConfig(true, 10, 10, 0.2, 0.2, 0.2, 0.25);
    }

    /** Parses {@code --augment}: standard, strong or none, in any case. */
    public static AugmentationConfig parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "standard" -> standard();
            case "strong" -> strong();
            case "none" -> none();
            default -> throw new IllegalArgumentException("--augment must be standard, strong or none, got '" + text + "'");
        };
    }

    /** The preset's name {@link #parse} takes (standard, strong or none), or "custom" for other values. */
    public String presetName() {
        if (equals(standard())) {
            return "standard";
        }
        if (equals(strong())) {
            return "strong";
        }
        return isNone() ? "none" : "custom";
    }

    public boolean isNone() {
        return !flip && !changesGeometry() && brightness == 0 && contrast == 0 && erasingProbability == 0;
    }

    /** True when shift, rotation or zoom can change where pixels land (a flip alone only mirrors). */
    public boolean changesGeometry() {
        return maxShiftPx > 0 || maxRotationDeg > 0 || maxScale > 0;
    }

    private static void check(boolean valid, String rule, Number value) {
        if (!valid) {
            throw new IllegalArgumentException(rule + ", got " + value);
        }
    }
}
