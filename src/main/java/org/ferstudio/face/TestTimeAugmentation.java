package org.ferstudio.face;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ferstudio.data.FaceImages;
import org.ferstudio.face.FacePreprocessor;

/**
 * Several views of one face whose predictions are averaged at evaluation or inference time. TENCROP
 * follows the usual recipe: the four corner crops and the centre crop of 42x42, each resized back to 48x48,
 * then the mirrors of those five.
 */
public enum TestTimeAugmentation {

    NONE(1),
    FLIP(2),
    TENCROP(10);

    public static final int CROP_SIDE = 42;

    private static final int PIXELS = FaceTranslator.PIXELS;

    private final int views;

    TestTimeAugmentation(int views) {
        this.views = views;
    }

    public int views() {
        return views;
    }

    /** The lower-case name used on the command line and in model cards: none, flip or tencrop. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Writes {@link #views()} normalised images of {@link FaceTranslator#PIXELS} values each, one after the other. */
    public void views(byte[] src, int srcOff, float[] dst, int dstOff) {
        switch (this) {
            case NONE -> FacePreprocessor.normalise(src, srcOff, dst, dstOff);
            case FLIP -> {
                FacePreprocessor.normalise(src, srcOff, dst, dstOff);
                NormalisedPixels.mirror(src, srcOff, dst, dstOff + PIXELS);
            }
            case TENCROP -> tenCrop(src, srcOff, dst, dstOff);
        }
    }

    /** Parses a command-line value: none, flip or tencrop, in any case. */
    public static TestTimeAugmentation parse(String text) {
        return find(text).orElseThrow(() -> new IllegalArgumentException("unknown test-time augmentation '" + text
                + "'; use one of " + ids()));
    }

    /**
     * The augmentations a training run chooses its model's default from: every one for {@code auto}, else the one
     * named (as {@link #parse}).
     */
    public static List<TestTimeAugmentation> candidates(String text) {
        return text.trim().equalsIgnoreCase("auto") ? List.of(values()) : List.of(parse(text));
    }

    /** The augmentation with this id, in any case, if there is one. */
    public static Optional<TestTimeAugmentation> find(String text) {
        return Arrays.stream(values()).filter(tta -> tta.id().equalsIgnoreCase(text.trim())).findFirst();
    }

    /** Every id, cheapest first: none, flip, tencrop. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(TestTimeAugmentation::id).toList();
    }

    private static void tenCrop(byte[] src, int srcOff, float[] dst, int dstOff) {
        int far = FaceTranslator.SIDE - CROP_SIDE;
        int[][] origins = {{0, 0}, {far, 0}, {0, far}, {far, far}, {far / 2, far / 2}};
        for (int i = 0; i < origins.length; i++) {
            int viewOff = dstOff + i * PIXELS;
            NormalisedPixels.crop(src, srcOff, origins[i][0], origins[i][1], CROP_SIDE, dst, viewOff);
            NormalisedPixels.mirror(dst, viewOff, viewOff + origins.length * PIXELS);
        }
    }
}
