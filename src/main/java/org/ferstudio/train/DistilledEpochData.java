package org.ferstudio.train;

import java.security.MessageDigest;
import java.util.Random;
import org.ferstudio.nets.FerNetwork;
import org.ferstudio.task.ProgressReporter;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training data whose targets mix the teachers' softened probabilities into the labels ({@link Distillation}).
 * The faces, their augmentation and the labelled targets (label smoothing included) come from the wrapped data;
 * each batch's row {@code i} is item {@code order[from + i]} there and here, so the teacher's targets follow the
 * rows through shuffling, class-balanced sampling and augmentation.
 */
final class DistilledEpochData implements EpochData {

    private final EpochData labelled;
    private final float[] soft;
    private final int numClasses;
    private final double weight;

    /**
     * @param teacher the teachers' probabilities of every item, item by item (see {@link TeacherProbabilities})
     */
    DistilledEpochData(EpochData labelled, float[] teacher, int numClasses, Distillation distillation) {
        if (teacher.length != (long) labelled.size() * numClasses) {
            throw new IllegalArgumentException(teacher.length + " teacher probabilities for " + labelled.size()
                    + " rows x " + numClasses + " classes");
        }
        this.labelled = labelled;
        this.soft = soften(teacher, numClasses, distillation.temperature());
        this.numClasses = numClasses;
        this.weight = distillation.weight();
    }

    @Override
    public int size() {
        return labelled.size();
    }

    @Override
    public int[] labels() {
        return labelled.labels();
    }

    @Override
    public DataSet batch(int[] order, int from, int n, int classes, double labelSmoothing, Random rng) {
        DataSet batch = labelled.batch(order, from, n, classes, labelSmoothing, rng);
        float[] targets = batch.getLabels().dup('c').data().asFloat();
        for (int i = 0; i < n; i++) {
            mix(soft, order[from + i] * numClasses, targets, i * numClasses, numClasses, weight);
        }
        return new DataSet(batch.getFeatures(), Nd4j.create(targets, new long[] {n, numClasses}, 'c'));
    }

    @Override
    public float[][] predict(FerNetwork net, ProgressReporter progress) {
        return labelled.predict(net, progress);
    }

    /** The teacher and its settings are in the run's config, which a resume must match; the data is the wrapped. */
    @Override
    public void digest(MessageDigest md) {
        labelled.digest(md);
    }

    /**
     * Probabilities at temperature {@code t}: {@code p^(1/t)} normalised per row, which equals
     * {@code softmax(logits / t)} of the logits behind {@code p} (they differ from {@code log p} by a constant per
     * row). Computed in logs so that small probabilities do not vanish; a zero stays zero.
     */
    static float[] soften(float[] probs, int k, double t) {
        if (t == 1) {
            return normalised(probs, k);
        }
        float[] out = new float[probs.length];
        double[] logs = new double[k];
        for (int row = 0; row < probs.length; row += k) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                logs[c] = probs[row + c] > 0 ? Math.log(probs[row + c]) / t : Double.NEGATIVE_INFINITY;
                max = Math.max(max, logs[c]);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                sum += Math.exp(logs[c] - max);
            }
            for (int c = 0; c < k; c++) {
                out[row + c] = (float) (Math.exp(logs[c] - max) / sum);
            }
        }
        return out;
    }

    /** Rows scaled to sum to exactly 1 (float sums of softmax outputs are off by a few ulps). */
    private static float[] normalised(float[] probs, int k) {
        float[] out = new float[probs.length];
        for (int row = 0; row < probs.length; row += k) {
            double sum = 0;
            for (int c = 0; c < k; c++) {
                sum += probs[row + c];
            }
            for (int c = 0; c < k; c++) {
                out[row + c] = (float) (probs[row + c] / sum);
            }
        }
        return out;
    }

    /**
     * {@code target = weight * soft + (1 - weight) * target} for one row of {@code k} classes, in place: the
     * labelled target (one-hot or smoothed) gives way to the teacher's share.
     */
    static void mix(float[] soft, int softAt, float[] target, int targetAt, int k, double weight) {
        for (int c = 0; c < k; c++) {
            target[targetAt + c] = (float) (weight * soft[softAt + c] + (1 - weight) * target[targetAt + c]);
        }
    }
}
