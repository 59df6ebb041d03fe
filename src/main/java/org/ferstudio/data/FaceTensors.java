package org.ferstudio.data;

import org.ferstudio.face.FacePreprocessor;
import org.ferstudio.face.FaceTranslator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns preprocessed faces into network tensors {@code [N, 1, 48, 48]}. The only place where pixel
 * bytes become network input, so training, evaluation and inference agree exactly.
 */
public final class FaceTensors {

    private FaceTensors() {
    }

    /** Plain (unaugmented) input for images {@code from..to-1} of {@code order} (or of the list when null). */
    public static INDArray input(FaceImages images, int[] order, int from, int to) {
        int n = to - from;
        float[] buf = new float[n * FaceTranslator.PIXELS];
        byte[] pix = new byte[FaceTranslator.PIXELS];
        for (int i = 0; i < n; i++) {
            int idx = order == null ? from + i : order[from + i];
            images.copyImage(idx, pix, 0);
            FacePreprocessor.normalise(pix, 0, buf, i * FaceTranslator.PIXELS);
        }
        return FaceTranslator.tensor(buf, n);
    }

    /**
     * One-hot targets, optionally label-smoothed: the true class gets {@code 1 - s + s/K}, every other
     * class {@code s/K}.
     */
    public static INDArray targets(int[] labels, int numClasses, double smoothing) {
        float off = (float) (smoothing / numClasses);
        float on = (float) (1 - smoothing) + off;
        float[] t = new float[labels.length * numClasses];
        for (int i = 0; i < labels.length; i++) {
            for (int c = 0; c < numClasses; c++) {
                t[i * numClasses + c] = c == labels[i] ? on : off;
            }
        }
        return Nd4j.create(t, new long[] {labels.length, numClasses}, 'c');
    }
}
