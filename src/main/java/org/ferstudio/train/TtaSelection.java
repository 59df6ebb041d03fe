package org.ferstudio.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ferstudio.data.FaceImages;
import org.ferstudio.face.TestTimeAugmentation;
import org.ferstudio.eval.EvaluationReport;
import org.ferstudio.eval.Misclassification;
import org.ferstudio.eval.PredictionAccumulator;
import org.ferstudio.nets.FaceClassifier;
import org.ferstudio.eval.ModelEvaluator;
import org.ferstudio.model.ClassLabels;
import org.ferstudio.task.ProgressReporter;

/**
 * Chooses a model's test-time augmentation on the validation split, so the test split is still looked at
 * once, with the choice already made. Candidates are tried from the cheapest (fewest views); a costlier
 * one is chosen only when it is strictly more accurate than the best so far.
 *
 * @param chosen   the augmentation to use for photos and the test report
 * @param reports  the validation report of every candidate, in the order tried
 * @param mistakes the wrong validation predictions of every candidate, in sample order
 */
public record TtaSelection(TestTimeAugmentation chosen, Map<TestTimeAugmentation, EvaluationReport> reports,
                           Map<TestTimeAugmentation, List<Misclassification>> mistakes) {

    public TtaSelection {
        reports = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(reports));
        mistakes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(mistakes));
    }

    public static TtaSelection choose(FaceClassifier classifier, ClassLabels labels, FaceImages validation,
                                      List<TestTimeAugmentation> candidates, ProgressReporter progress) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no test-time augmentation to choose from");
        }
        List<TestTimeAugmentation> byCost = candidates.stream().distinct()
                .sorted(java.util.Comparator.comparingInt(TestTimeAugmentation::views)).toList();
        Map<TestTimeAugmentation, EvaluationReport> reports = new LinkedHashMap<>();
        Map<TestTimeAugmentation, List<Misclassification>> mistakes = new LinkedHashMap<>();
        TestTimeAugmentation best = null;
        for (TestTimeAugmentation tta : byCost) {
            PredictionAccumulator predictions = ModelEvaluator.predict(classifier, labels, validation, tta, progress);
            EvaluationReport report = predictions.report();
            reports.put(tta, report);
            mistakes.put(tta, predictions.misclassified());
            if (best == null || report.accuracy() > reports.get(best).accuracy()) {
                best = tta;
            }
        }
        return new TtaSelection(best, reports, mistakes);
    }

    /** The chosen augmentation's validation report. */
    public EvaluationReport chosenReport() {
        return reports.get(chosen);
    }

    /** The chosen augmentation's wrong validation predictions. */
    public List<Misclassification> chosenMistakes() {
        return mistakes.get(chosen);
    }

    /** Validation accuracy per augmentation, keyed by lower-case name, for the model card. */
    public Map<String, Double> accuracies() {
        Map<String, Double> out = new LinkedHashMap<>();
        reports.forEach((tta, report) -> out.put(tta.id(), report.accuracy()));
        return out;
    }
}
