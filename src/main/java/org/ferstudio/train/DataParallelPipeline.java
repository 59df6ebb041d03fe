package org.ferstudio.train;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ferstudio.data.DataSplits;
import org.ferstudio.model.ModelCard;
import org.ferstudio.nets.Architectures;
import org.ferstudio.nets.FerNetwork;
import org.ferstudio.store.ArrayFile;
import org.ferstudio.store.ModelStore;
import org.ferstudio.task.ProgressReporter;

/**
 * {@link TrainingPipeline} for data-parallel training: trains with {@link DataParallelTrainer}, then assesses and
 * saves exactly as the pipeline does (test-time augmentation chosen on validation, the test split once, the model
 * folder with its card and pictures), the card's training entry also saying how the work was spread:
 * {@code dataParallel: {workers, stepsPerRound, rounds, secondsInRounds, bytesPerRoundPerWorker}}.
 */
public final class DataParallelPipeline {

    public static final String CARD_KEY = "dataParallel";

    private DataParallelPipeline() {
    }

    public static TrainingPipeline.Result run(TrainingRequest request, TrainingPipeline.Output output,
                                              DataParallelTrainer.Settings settings,
                                              DataParallel.Workers workers, List<TrainingListener> listeners,
                                              ProgressReporter control) throws IOException {
        DataParallelTrainer trainer = new DataParallelTrainer(request.config(), settings);
        listeners.forEach(trainer::addListener);
        DataSplits splits = request.splits();
        DataParallelTrainer.Result parallel = trainer.run(request.labels(), splits.train(), splits.validation(),
                new CheckpointStore(output.checkpointDir()), workers, control);
        TrainingRun run = parallel.run();
        if (run.outcome().cancelled() || run.outcome().bestEpoch() == 0) {
            return new TrainingPipeline.Result(run.outcome(), null, null, null, null, List.of());
        }
        FerNetwork trained = run.network();
        FerNetwork served = Architectures.byId(request.config().architecture()).buildForInference(
                request.labels().size(), ArrayFile.toFloats(trained.params()));
        ModelAssessment assessment = ModelAssessment.of(trained, served, request.labels(), splits,
                output.evaluateTest(), output.ttaCandidates(), control);
        ModelCard card = TrainingPipeline.card(request, output, run, assessment);
        Map<String, Object> training = new LinkedHashMap<>(card.training());
        Map<String, Object> spread = new LinkedHashMap<>();
        spread.put("workers", settings.workers());
        spread.put("stepsPerRound", settings.stepsPerRound());
        spread.put("rounds", parallel.rounds());
        spread.put("secondsInRounds", (double) Math.round(parallel.secondsInRounds() * 10) / 10);
        spread.put("bytesPerRoundPerWorker", parallel.bytesPerRoundPerWorker());
        training.put(CARD_KEY, spread);
        ModelCard saved = ModelStore.save(output.outDir(), trained, card.withTraining(training),
                assessment.pictures(output.modelName(), run.outcome().history()));
        return new TrainingPipeline.Result(run.outcome(), saved, assessment.validation(), assessment.test(),
                assessment.tta(), assessment.mistakes());
    }
}
