package org.ferstudio.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ferstudio.face.TestTimeAugmentation;
import org.ferstudio.model.ModelCard;
import org.ferstudio.nets.EnsembleNetwork;
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
     * The model as live video runs it: for an ensemble whose card names a video member, that member alone
     * (same card, so labels and figures stay the ensemble's); otherwise this model.
     */
    public LoadedModel forVideo() {
        Integer index = card.inference() == null ? null : card.inference().videoMember();
        if (index == null || !(network instanceof EnsembleNetwork ensemble)) {
            return this;
        }
        return new LoadedModel(folder, card, ensemble.members().get(index));
    }

    /**
     * The single models this one is made of: an ensemble's members, each with the card
     * {@link ModelCard#memberCard(int)} and its own network, all in this folder; a plain model is its only member.
     */
    public List<LoadedModel> members() {
        if (!(network instanceof EnsembleNetwork ensemble) || !card.isEnsemble()) {
            return List.of(this);
        }
        List<LoadedModel> members = new ArrayList<>();
        for (int i = 0; i < ensemble.members().size(); i++) {
            members.add(new LoadedModel(folder, card.memberCard(i), ensemble.members().get(i)));
        }
        return members;
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
