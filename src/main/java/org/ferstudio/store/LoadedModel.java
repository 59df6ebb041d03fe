package org.ferstudio.store;

import java.nio.file.Path;
import org.ferstudio.data.TestTimeAugmentation;
import org.ferstudio.model.ModelCard;
import org.ferstudio.nets.FerNetwork;

/** A model read from its folder: the card and the ready network. */
public record LoadedModel(Path folder, ModelCard card, FerNetwork network) {

    /** The test-time augmentation the card chose for photos; none for cards without one. */
    public TestTimeAugmentation photoTta() {
        return card.inference() == null ? TestTimeAugmentation.NONE : parseOrNone(card.inference().defaultTta());
    }

    /** The lighter augmentation the card sets for live video; none for cards without one. */
    public TestTimeAugmentation videoTta() {
        return card.inference() == null ? TestTimeAugmentation.NONE : parseOrNone(card.inference().videoTta());
    }

    /**
     * A command-line choice: {@code model} for {@link #photoTta()}, else none, flip or tencrop.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public TestTimeAugmentation tta(String option) {
        if (option.trim().equalsIgnoreCase("model")) {
            return photoTta();
        }
        return TestTimeAugmentation.find(option).orElseThrow(() -> new IllegalArgumentException(
                "unknown test-time augmentation '" + option + "'; use model or one of " + TestTimeAugmentation.ids()));
    }

    /** An augmentation this version does not know (a newer card) falls back to none rather than failing. */
    private static TestTimeAugmentation parseOrNone(String id) {
        return TestTimeAugmentation.find(id).orElse(TestTimeAugmentation.NONE);
    }
}
