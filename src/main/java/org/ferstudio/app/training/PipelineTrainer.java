package org.ferstudio.app.training;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import org.ferstudio.data.FaceImages;
import org.ferstudio.eval.Misclassification;
import org.ferstudio.model.ClassLabels;
import org.ferstudio.nets.Nd4jRuntime;
import org.ferstudio.task.CancelledException;
import org.ferstudio.task.ProgressReporter;
import org.ferstudio.train.TrainingJob;
import org.ferstudio.train.TrainingListener;
import org.ferstudio.train.TrainingPipeline;

/**
 * The real trainer: {@link TrainingPipeline} trains, evaluates and saves exactly as {@code fer-studio
 * train} does, and hands back the mistakes its evaluation found, which the results step shows.
 */
public final class PipelineTrainer implements ModelTrainer {

    /** How many mistakes the results grid shows: enough to see a pattern, few enough to stay light. */
    public static final int MAX_MISCLASSIFIED = 48;

    @Override
    public TrainingResult train(TrainingJob job, TrainingListener listener, ProgressReporter control)
            throws IOException {
        Nd4jRuntime.initialise();
        ProgressReporter evaluation = prefixed(control, "Evaluating the best epoch: ");
        TrainingPipeline.Result result = TrainingPipeline.run(job.request(), new TrainingPipeline.Output(
                job.modelName(), job.modelDir(), job.checkpointDir(), true), List.of(listener), evaluation);
        if (result.card() == null) {
            if (control.isCancelled()) {
                throw new CancelledException();
            }
            throw new IllegalStateException("training ended without a finished epoch (" + result.outcome().stopReason()
                    + "); nothing was saved");
        }
        boolean onTest = result.test() != null;
        FaceImages evaluated = onTest ? job.request().splits().test() : job.request().splits().validation();
        List<MisclassifiedFace> faces = mostConfident(result.mistakes(), evaluated, job.request().labels());
        return new TrainingResult(result.outcome(), job.modelDir(), result.card(), onTest ? "test" : "validation",
                onTest ? result.test() : result.validation(), faces);
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
