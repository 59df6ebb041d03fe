package org.ferstudio.cli;

import java.io.PrintWriter;
import org.ferstudio.train.BatchProgress;
import org.ferstudio.train.EpochResult;
import org.ferstudio.train.TrainingListener;
import org.ferstudio.train.TrainingOutcome;
import org.ferstudio.train.TrainingStart;

/**
 * Training on the console: a progress bar per epoch and one summary line per epoch; for pretrained
 * architectures also a line per stage and a progress bar while the base's features are computed.
 */
final class ConsoleTrainingListener implements TrainingListener {

    private final PrintWriter out;
    private ConsoleProgressBar bar;
    private ConsoleProgressBar preparingBar;
    private String preparingTask;

    ConsoleTrainingListener(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void onStage(String description) {
        finishPreparing();
        out.println(description);
        out.flush();
    }

    @Override
    public void onPreparing(String task, double fraction, String message) {
        if (!task.equals(preparingTask)) {
            finishPreparing();
            preparingTask = task;
            preparingBar = new ConsoleProgressBar(task);
        }
        preparingBar.report(fraction, message);
        if (fraction >= 1) {
            finishPreparing();
        }
    }

    private void finishPreparing() {
        if (preparingBar != null) {
            preparingBar.done();
            preparingBar = null;
            preparingTask = null;
        }
    }

    @Override
    public void onTrainingStart(TrainingStart start) {
        if (start.firstEpoch() > start.config().epochs()) {
            // --resume with --epochs at or below the epochs done: nothing to train, the best epoch is saved
            out.printf("the run has done its %d epochs; saving its best epoch%n", start.firstEpoch() - 1);
        } else if (start.firstEpoch() > 1) {
            out.printf("resuming at epoch %d of %d%n", start.firstEpoch(), start.config().epochs());
        }
        out.printf("%,d trainable parameters, %d batches per epoch%n", start.parameters(), start.batchesPerEpoch());
        out.flush();
    }

    @Override
    public void onBatch(BatchProgress p) {
        if (bar == null) {
            bar = new ConsoleProgressBar(String.format("epoch %d/%d", p.epoch(), p.epochs()), p.batches());
        }
        bar.report((double) p.batch() / p.batches(), String.format("loss %.3f acc %.1f%% %.0f img/s ETA %s",
                p.loss(), 100 * p.accuracy(), p.imagesPerSecond(), duration(p.etaSeconds())));
    }

    @Override
    public void onEpoch(EpochResult e) {
        if (bar != null) {
            bar.done();
            bar = null;
        }
        String average = e.averageValidationAccuracy() == null ? "" : String.format(
                "  ema val loss %.4f acc %.2f%%", e.averageValidationLoss(), 100 * e.averageValidationAccuracy());
        out.printf("epoch %3d/%d  train loss %.4f acc %.2f%%  val loss %.4f acc %.2f%%%s  lr %.2g  %.0f s  %.0f img/s%s%n",
                e.epoch(), e.epochs(), e.trainLoss(), 100 * e.trainAccuracy(), e.validationLoss(),
                100 * e.validationAccuracy(), average, e.learningRate(), e.seconds(), e.imagesPerSecond(),
                e.best() ? "  *best" : "");
        out.flush();
    }

    @Override
    public void onTrainingEnd(TrainingOutcome outcome) {
        if (bar != null) {
            bar.done();
            bar = null;
        }
        out.printf("training %s after %d epochs, %s%n", outcome.stopReason(), outcome.history().size(),
                duration(outcome.trainingSeconds()));
        out.flush();
    }

    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
