package org.ferstudio.eval;

import org.ferstudio.data.FaceImages;
import org.ferstudio.face.TestTimeAugmentation;
import org.ferstudio.eval.EvaluationReport;
import org.ferstudio.eval.PredictionAccumulator;
import org.ferstudio.model.ClassLabels;
import org.ferstudio.nets.FaceClassifier;
import org.ferstudio.task.ProgressReporter;

/** Evaluates a classifier on a labelled set of faces. */
public final class ModelEvaluator {

    private ModelEvaluator() {
    }

    public static PredictionAccumulator predict(FaceClassifier classifier, ClassLabels labels, FaceImages images,
                                                TestTimeAugmentation tta, ProgressReporter progress) {
        if (classifier.numClasses() != labels.size()) {
            throw new IllegalArgumentException("the model has " + classifier.numClasses()
                    + " classes, the data " + labels.size() + " (" + labels.names() + ")");
        }
        float[][] probs = classifier.classify(images, tta, progress);
        PredictionAccumulator acc = new PredictionAccumulator(labels);
        for (int i = 0; i < probs.length; i++) {
            acc.add(images.label(i), probs[i]);
        }
        return acc;
    }

    public static EvaluationReport evaluate(FaceClassifier classifier, ClassLabels labels, FaceImages images,
                                            TestTimeAugmentation tta, ProgressReporter progress) {
        return predict(classifier, labels, images, tta, progress).report();
    }
}
