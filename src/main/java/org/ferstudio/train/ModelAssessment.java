package org.ferstudio.train;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ferstudio.data.DataSplits;
import org.ferstudio.data.DatasetSource;
import org.ferstudio.face.TestTimeAugmentation;
import org.ferstudio.eval.ConfusionMatrixImage;
import org.ferstudio.eval.EvaluationReport;
import org.ferstudio.eval.Misclassification;
import org.ferstudio.eval.PredictionAccumulator;
import org.ferstudio.nets.FaceClassifier;
import org.ferstudio.eval.FaceTiming;
import org.ferstudio.eval.ModelEvaluator;
import org.ferstudio.model.ClassLabels;
import org.ferstudio.model.ModelCard;
import org.ferstudio.nets.FerNetwork;
import org.ferstudio.nets.Nd4jRuntime;
import org.ferstudio.store.ModelStore;
import org.ferstudio.task.ProgressReporter;

/**
 * What every finished model goes through before it is saved, whether trained or assembled: its test-time
 * augmentation is chosen on the validation split ({@link TtaSelection}), the test split is evaluated once
 * with it, and one face is timed with every augmentation on the network as the app will run it.
 *
 * @param selection  validation reports per augmentation and the chosen one
 * @param test       the test report with the chosen augmentation, or null when there is no test split or it
 *                   was not asked for
 * @param testMistakes the wrong test predictions behind {@code test}, in sample order (empty without it)
 * @param inference  the card's record of the choice and the timings
 */
public record ModelAssessment(TtaSelection selection, EvaluationReport test, List<Misclassification> testMistakes,
                              ModelCard.Inference inference) {

    public ModelAssessment {
        testMistakes = List.copyOf(testMistakes);
    }

    /** Repetitions when timing one face per test-time augmentation. */
    static final int TIMING_REPETITIONS = 50;

    /**
     * @param evaluated the network whose figures go in the card
     * @param served    the same model as the app loads it (an inference copy), for the timings
     */
    public static ModelAssessment of(FerNetwork evaluated, FerNetwork served, ClassLabels labels, DataSplits splits,
                                     boolean evaluateTest, List<TestTimeAugmentation> candidates,
                                     ProgressReporter control) {
        FaceClassifier classifier = new FaceClassifier(evaluated);
        TtaSelection selection = TtaSelection.choose(classifier, labels, splits.validation(), candidates, control);
        EvaluationReport test = null;
        List<Misclassification> testMistakes = List.of();
        if (evaluateTest && splits.test() != null && splits.test().size() > 0) {
            PredictionAccumulator predictions = ModelEvaluator.predict(classifier, labels, splits.test(),
                    selection.chosen(), control);
            test = predictions.report();
            testMistakes = predictions.misclassified();
        }
        Map<String, Double> ms = FaceTiming.msPerFace(new FaceClassifier(served), splits.validation(),
                List.of(TestTimeAugmentation.values()), TIMING_REPETITIONS, control);
        ModelCard.Inference inference = new ModelCard.Inference(selection.chosen().id(),
                TestTimeAugmentation.NONE.id(), selection.accuracies(), ms, Nd4jRuntime.threads());
        return new ModelAssessment(selection, test, testMistakes, inference);
    }

    public TestTimeAugmentation tta() {
        return selection.chosen();
    }

    /** The validation report with the chosen augmentation. */
    public EvaluationReport validation() {
        return selection.chosenReport();
    }

    /**
     * The wrong predictions on the split the confusion matrix shows (test when evaluated, else validation with
     * the chosen augmentation), as the evaluation found them, so nobody has to evaluate again to list them.
     */
    public List<Misclassification> mistakes() {
        return test != null ? testMistakes : selection.chosenMistakes();
    }

    /** The card's validation metrics, with the chosen augmentation. */
    public ModelCard.Metrics validationMetrics() {
        return ModelCard.Metrics.of(validation().summary(), "validation", tta().id());
    }

    /** The card's test metrics, or null. */
    public ModelCard.Metrics testMetrics() {
        return test == null ? null : ModelCard.Metrics.of(test.summary(), "test", tta().id());
    }

    /**
     * The pictures saved beside the card: the confusion matrix of the test split (of the validation split
     * when there is no test report) and, when {@code history} is given, the training curves.
     */
    public Map<String, BufferedImage> pictures(String modelName, List<EpochResult> history) {
        Map<String, BufferedImage> pictures = new LinkedHashMap<>();
        EvaluationReport shown = test != null ? test : validation();
        pictures.put(ModelStore.CONFUSION_PNG, ConfusionMatrixImage.draw(shown.confusionMatrix(),
                modelName + ", " + (test != null ? "test" : "validation") + " split, TTA " + tta().id()));
        if (history != null && !history.isEmpty()) {
            pictures.put(ModelStore.CURVES_PNG, TrainingCurvesImage.draw(history, modelName));
        }
        return pictures;
    }

    /** The card's data entry: file, SHA-256, split sizes and how the split was made. */
    public static ModelCard.DataInfo dataInfo(DataSplits splits, DatasetSource source) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        sizes.put("train", splits.train().size());
        sizes.put("validation", splits.validation().size());
        if (splits.test() != null) {
            sizes.put("test", splits.test().size());
        }
        return new ModelCard.DataInfo(source == null ? null : source.name(), source == null ? null : source.sha256(),
                sizes, splits.description());
    }
}
