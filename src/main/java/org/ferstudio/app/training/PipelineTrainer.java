package org.ferstudio.app.training;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import org.ferstudio.data.FaceImages;
import org.ferstudio.face.TestTimeAugmentation;
import org.ferstudio.eval.Misclassification;
import org.ferstudio.nets.FaceClassifier;
import org.ferstudio.eval.ModelEvaluator;
import org.ferstudio.model.ClassLabels;
import org.ferstudio.nets.Nd4jRuntime;
import org.ferstudio.store.LoadedModel;
import org.ferstudio.store.ModelLoadException;
import org.ferstudio.store.ModelStore;
import org.ferstudio.task.CancelledException;
import org.ferstudio.task.ProgressReporter;
import org.ferstudio.train.TrainingListener;
import org.ferstudio.train.TrainingPipeline;

/**
 * The real trainer: {@link TrainingPipeline} trains, evaluates and saves exactly as {@code fer-studio
 * train} does; then the saved model is loaded back and run over the evaluated split once more to find
 * the misclassified faces, which the pipeline's report does not keep. Loading the saved folder also
 * proves that what the user is about to keep loads.
 */
public final class PipelineTrainer implements ModelTrainer {

    /** How many mistakes the results grid shows: enough to see a pattern, few enough to stay light. */
    public static final int MAX_MISCLASSIFIED = 48;

    @Override
    public TrainingResult train(TrainingJob job, TrainingListener listener, ProgressReporter control)
            throws IOException {
        Nd4jRuntime.initialise();
        ProgressReporter evaluation = prefixed(control, "Evaluating the best epoch: ");
        TrainingPipeline.Result result = TrainingPipeline.run(new TrainingPipeline.Request(job.modelName(),
                job.labels(), job.splits(), job.source(), job.config(), job.modelDir(), job.checkpointDir(), true),
                List.of(listener), evaluation);
        if (result.card() == null) {
            if (control.isCancelled()) {
                throw new CancelledException();
            }
            throw new IllegalStateException("training ended without a finished epoch (" + result.outcome().stopReason()
                    + "); nothing was saved");
        }
        boolean onTest = result.test() != null;
        FaceImages evaluated = onTest ? job.splits().test() : job.splits().validation();
        List<MisclassifiedFace> faces = misclassified(job, evaluated, result.tta(),
                prefixed(control, "Collecting mistakes: "));
        return new TrainingResult(result.outcome(), job.modelDir(), result.card(), onTest ? "test" : "validation",
                onTest ? result.test() : result.validation(), faces);
    }

    private static List<MisclassifiedFace> misclassified(TrainingJob job, FaceImages images, TestTimeAugmentation tta,
                                                         ProgressReporter progress) throws ModelLoadException {
        LoadedModel model = ModelStore.load(job.modelDir());
        ClassLabels labels = job.labels();
        List<Misclassification> wrong = ModelEvaluator.predict(new FaceClassifier(model.network()), labels, images,
                tta, progress).misclassified();
        return mostConfident(wrong, images, labels);
    }

    static List<MisclassifiedFace> mostConfident(List<Misclassification> wrong, FaceImages images, ClassLabels labels) {
        return wrong.stream()
                .sorted(Comparator.comparingDouble(Misclassification::confidence).reversed()
                        .thenComparingInt(Misclassification::sampleIndex))
                .limit(MAX_MISCLASSIFIED)
                .map(m -> new MisclassifiedFace(images.image(m.sampleIndex()), labels.name(m.trueClass()),
                        labels.name(m.predictedClass()), m.confidence()))
                .toList();
    }

    private static ProgressReporter prefixed(ProgressReporter control, String prefix) {
        return new ProgressReporter() {
            @Override
            public void report(double fraction, String message) {
                control.report(fraction, prefix + message);
            }

            @Override
            public boolean isCancelled() {
                return control.isCancelled();
            }
        };
    }
}
