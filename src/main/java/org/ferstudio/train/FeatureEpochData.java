package org.ferstudio.train;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;
import org.ferstudio.data.FaceTensors;
import org.ferstudio.nets.FerNetwork;
import org.ferstudio.task.ProgressReporter;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A pretrained base's features of a set of faces, computed once (see {@link FeatureCache}): one vector per
 * view of each face. With two views (the face and its mirror image) each training batch picks one at
 * random, which is horizontal-flip augmentation for the head; validation uses the face as it is.
 */
final class FeatureEpochData implements EpochData {

    private static final int PREDICT_BATCH = 1024;

    private final String key;
    private final float[] values;
    private final int featureSize;
    private final int views;
    private final int[] labels;

    /**
     * @param key    identifies the faces and the extractor (the cache key), for checkpoint fingerprints
     * @param values {@code labels.length * views * featureSize} values, face by face, view by view
     */
    FeatureEpochData(String key, float[] values, int featureSize, int views, int[] labels) {
        if (values.length != (long) labels.length * views * featureSize) {
            throw new IllegalArgumentException(values.length + " feature values for " + labels.length + " faces x "
                    + views + " views x " + featureSize);
        }
        this.key = key;
        this.values = values;
        this.featureSize = featureSize;
        this.views = views;
        this.labels = labels.clone();
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    @Override
    public DataSet batch(int[] order, int from, int n, int numClasses, double labelSmoothing, Random rng) {
        float[] x = new float[n * featureSize];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int idx = order[from + i];
            int view = views > 1 ? rng.nextInt(views) : 0;
            System.arraycopy(values, (idx * views + view) * featureSize, x, i * featureSize, featureSize);
            y[i] = labels[idx];
        }
        return new DataSet(Nd4j.create(x, new long[] {n, featureSize}, 'c'),
                FaceTensors.targets(y, numClasses, labelSmoothing));
    }

    @Override
    public float[][] predict(FerNetwork net, ProgressReporter progress) {
        float[][] probs = new float[labels.length][];
        for (int from = 0; from < labels.length; from += PREDICT_BATCH) {
            progress.checkCancelled();
            int to = Math.min(labels.length, from + PREDICT_BATCH);
            float[] x = new float[(to - from) * featureSize];
            for (int i = from; i < to; i++) {
                System.arraycopy(values, i * views * featureSize, x, (i - from) * featureSize, featureSize);
            }
            float[][] batch = net.output(Nd4j.create(x, new long[] {to - from, featureSize}, 'c')).toFloatMatrix();
            System.arraycopy(batch, 0, probs, from, batch.length);
            progress.report((double) to / labels.length, "classified " + to + " of " + labels.length);
        }
        return probs;
    }

    @Override
    public void digest(MessageDigest md) {
        md.update(key.getBytes(StandardCharsets.UTF_8));
    }
}
