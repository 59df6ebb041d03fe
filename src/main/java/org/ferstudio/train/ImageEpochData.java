package org.ferstudio.train;

import java.security.MessageDigest;
import java.util.Random;
import org.ferstudio.data.Augmenter;
import org.ferstudio.data.AugmentationConfig;
import org.ferstudio.data.FaceImages;
import org.ferstudio.data.FaceTensors;
import org.ferstudio.face.FaceTranslator;
import org.ferstudio.face.TestTimeAugmentation;
import org.ferstudio.nets.FaceClassifier;
import org.ferstudio.nets.FerNetwork;
import org.ferstudio.task.ProgressReporter;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/** Face images, augmented on the fly for training and classified as they are for validation. */
final class ImageEpochData implements EpochData {

    private final FaceImages images;
    private final Augmenter augmenter;

    ImageEpochData(FaceImages images, AugmentationConfig augmentation) {
        this.images = images;
        this.augmenter = new Augmenter(augmentation);
    }

    @Override
    public int size() {
        return images.size();
    }

    @Override
    public int[] labels() {
        return images.labels();
    }

    @Override
    public DataSet batch(int[] order, int from, int n, int numClasses, double labelSmoothing, Random rng) {
        float[] buf = new float[n * FaceTranslator.PIXELS];
        byte[] pix = new byte[FaceTranslator.PIXELS];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int idx = order[from + i];
            images.copyImage(idx, pix, 0);
            augmenter.augment(pix, 0, buf, i * FaceTranslator.PIXELS, rng);
            y[i] = images.label(idx);
        }
        INDArray x = FaceTranslator.tensor(buf, n);
        return new DataSet(x, FaceTensors.targets(y, numClasses, labelSmoothing));
    }

    @Override
    public float[][] predict(FerNetwork net, ProgressReporter progress) {
        return new FaceClassifier(net).classify(images, TestTimeAugmentation.NONE, progress);
    }

    @Override
    public void digest(MessageDigest md) {
        byte[] pix = new byte[FaceTranslator.PIXELS];
        for (int i = 0; i < images.size(); i++) {
            images.copyImage(i, pix, 0);
            md.update(pix);
            md.update((byte) images.label(i));
        }
    }
}
