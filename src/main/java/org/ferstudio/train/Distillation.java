package org.ferstudio.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.ferstudio.face.TestTimeAugmentation;
import org.ferstudio.model.ModelCard;
import org.ferstudio.store.ModelStore;

/**
 * Knowledge distillation ({@code train --teacher}): the student learns, for every training row, the target
 * {@code weight * soft + (1 - weight) * label}, where {@code soft} is the teachers' mean probability softened by
 * {@code temperature} ({@code p^(1/T)} normalised, which is {@code softmax(logits / T)}) and {@code label} the
 * row's one-hot label, label-smoothed when the run smooths labels. The temperature softens the targets only: the
 * student's own softmax stays at temperature 1, so the saved model is an ordinary one (see docs/RESULTS.md).
 * The teachers' probabilities are computed once and cached ({@link TeacherProbabilities}).
 *
 * @param teachers    the teacher models, whose probabilities are averaged; an ensemble model counts as one
 * @param weight      the teachers' share of the target, in (0, 1]
 * @param temperature the softening of the teachers' probabilities, > 0 (1 = as they are)
 */
public record Distillation(List<Teacher> teachers, double weight, double temperature) {

    public static final double DEFAULT_WEIGHT = 0.5;
    public static final double DEFAULT_TEMPERATURE = 1.0;

    /**
     * A teacher as the run began: its name, folder, the SHA-256 of its weights file (so a changed teacher is
     * noticed, and the cache is keyed by it) and the test-time augmentation its probabilities are taken with.
     */
    public record Teacher(String name, String folder, String sha256, String tta) {

        public Teacher {
            if (TestTimeAugmentation.find(tta).isEmpty()) {
                throw new IllegalArgumentException("unknown test-time augmentation '" + tta + "' for teacher " + name
                        + "; use one of " + TestTimeAugmentation.ids());
            }
        }
    }

    public Distillation {
        teachers = List.copyOf(teachers);
        if (teachers.isEmpty()) {
            throw new IllegalArgumentException("distillation needs at least one teacher model");
        }
        if (!(weight > 0 && weight <= 1)) {
            throw new IllegalArgumentException("distillation weight must be in (0, 1], got " + weight);
        }
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("distillation temperature must be > 0, got " + temperature);
        }
    }

    /**
     * What a run records of the model in {@code dir} as a teacher. {@code tta} is {@code model} for the test-time
     * augmentation the model's card chose for photos (none when it chose none or names one this version does not
     * know), or an augmentation's id.
     *
     * @throws IllegalArgumentException for an unknown augmentation
     */
    public static Teacher describe(Path dir, String tta) throws IOException {
        ModelCard card = ModelStore.readCard(dir);
        String chosen;
        if (tta.trim().equalsIgnoreCase("model")) {
            chosen = card.inference() == null ? TestTimeAugmentation.NONE.id()
                    : TestTimeAugmentation.find(card.inference().defaultTta()).orElse(TestTimeAugmentation.NONE).id();
        } else {
            chosen = TestTimeAugmentation.find(tta).map(TestTimeAugmentation::id).orElseThrow(() ->
                    new IllegalArgumentException("unknown teacher test-time augmentation '" + tta
                            + "'; use model or one of " + TestTimeAugmentation.ids()));
        }
        return new Teacher(card.name(), dir.toAbsolutePath().normalize().toString(), card.weights().sha256(), chosen);
    }
}
