package org.ferstudio.train;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ferstudio.data.DataSplits;
import org.ferstudio.data.FaceImages;
import org.ferstudio.face.FaceTranslator;
import org.ferstudio.face.TestTimeAugmentation;
import org.ferstudio.eval.EvaluationReport;
import org.ferstudio.eval.Misclassification;
import org.ferstudio.model.ClassLabels;
import org.ferstudio.model.ModelCard;
import org.ferstudio.nets.Architecture;
import org.ferstudio.nets.Architectures;
import org.ferstudio.nets.FerNetwork;
import org.ferstudio.nets.Nd4jRuntime;
import org.ferstudio.nets.TransferArchitecture;
import org.ferstudio.store.ArrayFile;
import org.ferstudio.io.Json;
import org.ferstudio.store.ModelStore;
import org.ferstudio.store.RuntimeInfo;
import org.ferstudio.task.ProgressReporter;
import org.ferstudio.face.FacePreprocessor;

/**
 * Train, evaluate and save, as one job shared by the command line and the training wizard: runs the
 * {@link Trainer}, or the {@link TransferTrainer} for pretrained architectures (resuming from the
 * checkpoint folder when it holds a run), chooses the test-time augmentation on the validation set
 * ({@link TtaSelection}), evaluates the best epoch with it, once, on the test set, times one face per
 * augmentation, and saves the model folder with its card, confusion matrix and training curves.
 */
public final class TrainingPipeline {

    /**
     * Where a run keeps its checkpoints and saves its model, and how the saved model is assessed.
     *
     * @param evaluateTest  whether to report the test split (the final, once-per-model number)
     * @param featureCache  where transfer architectures keep their base's features (see {@link FeatureCache})
     * @param ttaCandidates the test-time augmentations to choose the model's default from, on the validation
     *                      split; one entry fixes it
     * @param teacherCache  where a distilling run keeps its teachers' probabilities (see {@link TeacherProbabilities})
     */
    public record Output(String modelName, Path outDir, Path checkpointDir, boolean evaluateTest,
                         Path featureCache, List<TestTimeAugmentation> ttaCandidates, Path teacherCache) {

        public Output {
            ttaCandidates = List.copyOf(ttaCandidates);
            if (ttaCandidates.isEmpty()) {
                throw new IllegalArgumentException("no test-time augmentation to choose from");
            }
        }

        /** An output that keeps teachers' probabilities in the default cache. */
        public Output(String modelName, Path outDir, Path checkpointDir, boolean evaluateTest, Path featureCache,
                      List<TestTimeAugmentation> ttaCandidates) {
            this(modelName, outDir, checkpointDir, evaluateTest, featureCache, ttaCandidates,
                    TeacherProbabilities.defaultDirectory());
        }

        /** An output that chooses among every test-time augmentation and keeps features in the default cache. */
        public Output(String modelName, Path outDir, Path checkpointDir, boolean evaluateTest) {
            this(modelName, outDir, checkpointDir, evaluateTest, FeatureCache.defaultDirectory(),
                    List.of(TestTimeAugmentation.values()));
        }
    }

    /**
     * {@code card} is null when training was cancelled (nothing saved; resume from the checkpoints).
     * {@code validation} and {@code test} are with the chosen test-time augmentation {@code tta};
     * {@code mistakes} are the wrong predictions those evaluations found on the split the card's confusion
     * matrix shows (test when evaluated, else validation), in sample order.
     */
    public record Result(TrainingOutcome outcome, ModelCard card, EvaluationReport validation,
                         EvaluationReport test, TestTimeAugmentation tta, List<Misclassification> mistakes) {

        public Result {
            mistakes = List.copyOf(mistakes);
        }
    }

    private TrainingPipeline() {
    }

    public static Result run(TrainingRequest request, Output output, List<TrainingListener> listeners,
                             ProgressReporter control) throws IOException {
        DataSplits splits = request.splits();
        TrainingRun run = train(request, output, listeners, control);
        if (run.outcome().cancelled() || run.outcome().bestEpoch() == 0) {
            return new Result(run.outcome(), null, null, null, null, List.of());
        }
        FerNetwork trained = run.network();
        FerNetwork served = Architectures.byId(request.config().architecture()).buildForInference(
                request.labels().size(), ArrayFile.toFloats(trained.params()));
        ModelAssessment assessment = ModelAssessment.of(trained, served, request.labels(), splits,
                output.evaluateTest(), output.ttaCandidates(), control);
        ModelCard card = card(request, output, run, assessment);
        ModelCard saved = ModelStore.save(output.outDir(), trained, card,
                assessment.pictures(output.modelName(), run.outcome().history()));
        return new Result(run.outcome(), saved, assessment.validation(), assessment.test(), assessment.tta(),
                assessment.mistakes());
    }

    private static TrainingRun train(TrainingRequest request, Output output, List<TrainingListener> listeners,
                                     ProgressReporter control) throws IOException {
        TrainingConfig config = request.config();
        Architecture architecture = Architectures.byId(config.architecture());
        DataSplits splits = request.splits();
        CheckpointStore checkpoints = new CheckpointStore(output.checkpointDir());
        if (architecture instanceof TransferArchitecture transfer) {
            if (config.startFrom() != null) {
                StartingWeights.requireOneStage(transfer);
            }
            TransferTrainer trainer = new TransferTrainer(config, transfer, new FeatureCache(output.featureCache()));
            listeners.forEach(trainer::addListener);
            return trainer.run(request.labels(), splits.train(), splits.validation(), checkpoints, control);
        }
        if (config.fineTuning() != null) {
            throw new IllegalArgumentException("fine-tuning needs a pretrained architecture; " + architecture.id()
                    + " trains in one stage");
        }
        Trainer trainer = new Trainer(config).teacherCache(output.teacherCache());
        listeners.forEach(trainer::addListener);
        return trainer.run(request.labels(), splits.train(), splits.validation(), checkpoints, control);
    }

    static ModelCard card(TrainingRequest r, Output output, TrainingRun run, ModelAssessment assessment)
            throws IOException {
        RuntimeInfo rt = RuntimeInfo.current();
        @SuppressWarnings("unchecked")
        Map<String, Object> training = new LinkedHashMap<>(Json.fromJson(Json.toJson(r.config()), Map.class));
        training.put("stopReason", run.outcome().stopReason());
        training.put("epochsRun", run.outcome().history().size());
        if (run.outcome().bestWeights() != null) {
            // "ema" when the saved weights are the moving average (training.ema is its decay), else "raw"
            training.put("weights", run.outcome().bestWeights());
        }
        training.put("backend", Nd4jRuntime.describe());
        String adaptation = Architectures.byId(r.config().architecture()).inputAdaptation();
        String preprocessing = FacePreprocessor.DESCRIPTION + (adaptation == null ? "" : "; in the network: " + adaptation);
        return new ModelCard(ModelCard.FORMAT_VERSION, output.modelName(), r.config().architecture(),
                r.labels().names(),
                new ModelCard.Input(FaceTranslator.SIDE, FaceTranslator.SIDE, 1, preprocessing),
                training,
                ModelAssessment.dataInfo(r.splits(), r.source()),
                assessment.validationMetrics(), assessment.testMetrics(),
                Math.round(run.outcome().trainingSeconds()), run.outcome().bestEpoch(), rt.hardware(),
                Nd4jRuntime.threads(), rt.versions(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                null, run.network().trainableParams(), run.network().flopsPerImage() / 1e6,
                assessment.inference(), null);
    }
}
