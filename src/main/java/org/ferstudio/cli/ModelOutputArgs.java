package org.ferstudio.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ferstudio.face.TestTimeAugmentation;
import org.ferstudio.model.ModelCard;
import org.ferstudio.store.OutputTargets;
import picocli.CommandLine.Option;

/** Options of the commands that save a finished model (train, ensemble): where, under which name, how assessed. */
public final class ModelOutputArgs {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "model folder to write: a new or empty folder, or a model to replace with --force")
    Path out;

    @Option(names = "--name", description = "model name for the card (default: the folder name)")
    String name;

    @Option(names = "--tta", defaultValue = "auto", paramLabel = "auto|none|flip|tencrop",
            description = {"test-time augmentation of the saved model, used by photos and reported in its card; "
                    + "auto chooses the most accurate on the validation split, before the test split is seen "
                    + "(default: ${DEFAULT-VALUE})"})
    String tta;

    @Option(names = "--no-test", description = "do not evaluate the test split")
    boolean noTest;

    @Option(names = "--force", description = "replace the model already in --out (a folder of other files is never "
            + "replaced)")
    boolean force;

    /** Refuses, before any work, an --out that is not missing, empty or a model folder, or a model without --force. */
    void checkOut() throws java.io.IOException {
        OutputTargets.checkModelFolder(out, force, "add --force to replace it");
    }

    String modelName() {
        return name != null ? name : out.getFileName().toString();
    }

    /** {@code --tta}: auto for every augmentation, else the one named. */
    List<TestTimeAugmentation> ttaCandidates() {
        return TestTimeAugmentation.candidates(tta);
    }

    /** " (none 58.70% 7.5 ms/face; ...)": what was tried on validation and what each costs. */
    static String describeChoice(ModelCard.Inference inference) {
        if (inference == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        inference.msPerFace().forEach((id, ms) -> {
            Double accuracy = inference.validationAccuracy().get(id);
            parts.add(id + (accuracy == null ? "" : String.format(Locale.ROOT, " %.2f%%", 100 * accuracy))
                    + String.format(Locale.ROOT, " %.1f ms/face", ms));
        });
        return " (" + String.join("; ", parts) + ")";
    }
}
