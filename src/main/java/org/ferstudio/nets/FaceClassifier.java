package org.ferstudio.nets;

import org.ferstudio.data.FaceImages;
import org.ferstudio.face.FaceTranslator;
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
        byte[] pix = new byte[FaceTranslator.PIXELS];
        for (int from = 0; from < n; from += facesPerBatch) {
            progress.checkCancelled();
            int to = Math.min(n, from + facesPerBatch);
            float[] buf = new float[(to - from) * views * FaceTranslator.PIXELS];
            for (int i = from; i < to; i++) {
                images.copyImage(i, pix, 0);
                tta.views(pix, 0, buf, (i - from) * views * FaceTranslator.PIXELS);
            }
            float[][] probs = classifyNormalised(buf, (to - from) * views);
            for (int i = from; i < to; i++) {
                out[i] = FaceTranslator.average(probs, (i - from) * views, views);
            }
            progress.report((double) to / n, "classified " + to + " of " + n);
        }
        return out;
    }

    /** Probabilities for {@code n} normalised 48x48 images laid out one after another. */
    public float[][] classifyNormalised(float[] values, int n) {
        INDArray probs;
        synchronized (network) {
            probs = network.output(FaceTranslator.tensor(values, n));
        }
        return probs.toFloatMatrix();
    }
}
