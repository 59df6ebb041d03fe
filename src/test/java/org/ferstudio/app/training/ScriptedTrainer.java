package org.ferstudio.app.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ferstudio.eval.ConfusionMatrix;
import org.ferstudio.eval.EvaluationReport;
import org.ferstudio.model.SampleCards;
import org.ferstudio.task.CancelledException;
import org.ferstudio.task.ProgressReporter;
import org.ferstudio.train.BatchProgress;
import org.ferstudio.train.EpochResult;
import org.ferstudio.train.TrainingJob;
import org.ferstudio.train.TrainingListener;
import org.ferstudio.train.TrainingOutcome;
import org.ferstudio.train.TrainingStart;

/**
 * A trainer that emits scripted epochs: loss falls and accuracy rises by fixed steps, every epoch takes
 * {@link #EPOCH_SECONDS}, and the epochs a run finished are remembered per checkpoint folder, so a resume
 * continues where the cancelled run stopped as the real trainer does. Checks for cancel before every batch.
 */
final class ScriptedTrainer implements ModelTrainer {

    static final int BATCHES = 4;
    static final double EPOCH_SECONDS = 10;
    static final double IMAGES_PER_SECOND = 120;

    final List<TrainingJob> jobs = new ArrayList<>();
    private final Map<Path, Integer> checkpointedEpochs = new HashMap<>();
    private final Map<Path, Integer> bestEpochs = new HashMap<>();
    private int failAtEpoch;

    /** Makes the run in {@code checkpointDir} continue after {@code epochs}, as if an earlier session did them. */
    ScriptedTrainer checkpointed(Path checkpointDir, int epochs) {
        checkpointedEpochs.put(checkpointDir, epochs);
        bestEpochs.put(checkpointDir, epochs);
        return this;
    }

    /** Makes the run throw when it reaches {@code epoch}. */
    ScriptedTrainer failingAt(int epoch) {
        failAtEpoch = epoch;
        return this;
    }

    @Override
    public TrainingResult train(TrainingJob job, TrainingListener listener, ProgressReporter control) {
        jobs.add(job);
        int epochs = job.request().config().epochs();
        int first = checkpointedEpochs.getOrDefault(job.checkpointDir(), 0) + 1;
        listener.onTrainingStart(new TrainingStart(job.request().config(), first, BATCHES, 30, 9, 1000));
        List<EpochResult> history = new ArrayList<>();
        for (int epoch = first; epoch <= epochs; epoch++) {
            if (epoch == failAtEpoch) {
                throw new IllegalStateException("scripted failure in epoch " + epoch);
            }
            for (int batch = 1; batch <= BATCHES; batch++) {
                if (control.isCancelled()) {
                    listener.onTrainingEnd(new TrainingOutcome(history, bestEpochs.getOrDefault(job.checkpointDir(), 0),
                            0.5, "cancelled", 1));
                    throw new CancelledException();
                }
                // the trainer's own estimate, deliberately unlike the wizard's estimate from whole epochs
                double remaining = (epochs - epoch) * 12 + (BATCHES - batch) * 3;
                listener.onBatch(new BatchProgress(epoch, epochs, batch, BATCHES, loss(epoch) + 0.1 * batch, 0.5, 1e-3,
                        IMAGES_PER_SECOND, remaining));
            }
            EpochResult result = new EpochResult(epoch, epochs, loss(epoch), accuracy(epoch), loss(epoch) + 0.2,
                    accuracy(epoch) - 0.05, 1e-3, EPOCH_SECONDS, IMAGES_PER_SECOND, true);
            history.add(result);
            checkpointedEpochs.put(job.checkpointDir(), epoch);
            bestEpochs.put(job.checkpointDir(), epoch);
            listener.onEpoch(result);
        }
        int best = bestEpochs.getOrDefault(job.checkpointDir(), 0);
        TrainingOutcome outcome = new TrainingOutcome(history, best, accuracy(best) - 0.05, "completed", 40);
        listener.onTrainingEnd(outcome);
        return new TrainingResult(outcome, job.modelDir(), SampleCards.complete().withName(job.modelName()), "test",
                report(job), List.of(new MisclassifiedFace(new byte[48 * 48], "top", "left", 0.8)));
    }

    static double loss(int epoch) {
        return 2.0 / epoch;
    }

    static double accuracy(int epoch) {
        return 0.4 + 0.1 * epoch;
    }

    /** Three faces per class, one of each class but the first taken for the class before it. */
    private static EvaluationReport report(TrainingJob job) {
        int n = job.request().labels().size();
        int[][] counts = new int[n][n];
        for (int c = 0; c < n; c++) {
            counts[c][c] = c == 0 ? 3 : 2;
            counts[c][Math.max(0, c - 1)]++;
        }
        return EvaluationReport.of(ConfusionMatrix.of(job.request().labels(), counts));
    }
}
