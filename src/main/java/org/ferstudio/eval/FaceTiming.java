package org.ferstudio.eval;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ferstudio.data.FaceImages;
import org.ferstudio.face.TestTimeAugmentation;
import org.ferstudio.nets.FaceClassifier;
import org.ferstudio.task.ProgressReporter;

/**
 * What one face costs: the median time to classify a single 48x48 crop (its test-time-augmented views
 * prepared and run through the network as one batch), as the photo and video panes do per face.
 * Face detection is not included; see {@code benchmark --pipeline} for the whole pipeline.
 */
public final class FaceTiming {

    private static final int WARM_UP = 10;

    private FaceTiming() {
    }

    /**
     * Median milliseconds per face for each augmentation, keyed by its lower-case name, timed on the
     * first face of {@code faces} over {@code repetitions} runs after a warm-up.
     */
    public static Map<String, Double> msPerFace(FaceClassifier classifier, FaceImages faces,
                                                List<TestTimeAugmentation> augmentations, int repetitions,
                                                ProgressReporter progress) {
        if (faces.size() == 0) {
            throw new IllegalArgumentException("timing needs at least one face");
        }
        if (repetitions < 1) {
            throw new IllegalArgumentException("repetitions must be at least 1, got " + repetitions);
        }
        FaceImages one = faces.head(1);
        Map<String, Double> result = new LinkedHashMap<>();
        int done = 0;
        for (TestTimeAugmentation tta : augmentations) {
            for (int i = 0; i < WARM_UP; i++) {
                classifier.classify(one, tta, ProgressReporter.NONE);
            }
            double[] ms = new double[repetitions];
            for (int i = 0; i < repetitions; i++) {
                progress.checkCancelled();
                long start = System.nanoTime();
                classifier.classify(one, tta, ProgressReporter.NONE);
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
            result.put(tta.id(), median(ms));
            progress.report((double) ++done / augmentations.size(), "timed " + tta.id());
        }
        return result;
    }

    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
