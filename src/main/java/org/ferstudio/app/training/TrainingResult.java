package org.ferstudio.app.training;

import java.nio.file.Path;
import java.util.List;
import org.ferstudio.eval.EvaluationReport;
import org.ferstudio.model.ModelCard;
import org.ferstudio.train.TrainingOutcome;

/**
 * A finished run: how training ended, the model saved in the run's folder with its card, and the
 * evaluation the results step shows.
 *
 * @param evaluatedSplit "test", or "validation" when the data has no test split
 * @param misclassified  the most confident mistakes on that split, most confident first
 */
public record TrainingResult(TrainingOutcome outcome, Path modelDir, ModelCard card, String evaluatedSplit,
                             EvaluationReport report, List<MisclassifiedFace> misclassified) {

    public TrainingResult {
        misclassified = List.copyOf(misclassified);
    }
}
