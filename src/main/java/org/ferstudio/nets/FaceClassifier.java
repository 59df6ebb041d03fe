package org.ferstudio.nets;

import org.ferstudio.data.FaceImages;
import org.ferstudio.data.FaceTensors;
import org.ferstudio.face.TestTimeAugmentation;
import org.ferstudio.task.ProgressReporter;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Classifies preprocessed 48x48 faces in batches, optionally averaging the probabilities over
 * test-time-augmented views. Used by training (validation), evaluation and the inference service.
 * DL4J networks are not thread-safe, so calls are serialised.
 */
public final class FaceClassifier {

    public static final int DEFAULT_BATCH = 128;

    private final FerNetwork network;

    public FaceClassifier(FerNetwork network) {
        this.network = network;
    }

    public FerNetwork network() {
        return network;
    }

    public int numClasses() {
        return network.numClasses();
    }

    /** Probabilities {@code [images.size()][numClasses]}. */
    public float[][] classify(FaceImages images, TestTimeAugmentation tta, ProgressReporter progress) {
        int n = images.size();
        float[][] out = new float[n][];
        int views = tta.views();
        int facesPerBatch = Math.max(1, DEFAULT_BATCH / views);
        byte[] pix = new byte[FaceImages.PIXELS];
        for (int from = 0; from < n; from += facesPerBatch) {
            progress.checkCancelled();
            int to = Math.min(n, from + facesPerBatch);
            float[] buf = new float[(to - from) * views * FaceImages.PIXELS];
            for (int i = from; i < to; i++) {
                images.copyImage(i, pix, 0);
                tta.views(pix, 0, buf, (i - from) * views * FaceImages.PIXELS);
            }
            float[][] probs = classifyNormalised(buf, (to - from) * views);
            for (int i = from; i < to; i++) {
                out[i] = average(probs, (i - from) * views, views);
            }
            progress.report((double) to / n, "classified " + to + " of " + n);
        }
        return out;
    }

    /** Probabilities for {@code n} normalised 48x48 images laid out one after another. */
    public float[][] classifyNormalised(float[] values, int n) {
        INDArray probs;
        synchronized (network) {
            probs = network.output(FaceTensors.fromNormalised(values, n));
        }
        return probs.toFloatMatrix();
    }

    public static float[] average(float[][] probs, int from, int count) {
        float[] mean = probs[from].clone();
        for (int v = 1; v < count; v++) {
            float[] p = probs[from + v];
            for (int c = 0; c < mean.length; c++) {
                mean[c] += p[c];
            }
        }
        if (count > 1) {
            for (int c = 0; c < mean.length; c++) {
                mean[c] /= count;
            }
        }
        return mean;
    }
}
