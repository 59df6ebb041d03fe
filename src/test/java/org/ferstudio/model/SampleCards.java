package org.ferstudio.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A fully filled model card for tests. */
public final class SampleCards {

    private SampleCards() {
    }

    public static ModelCard complete() {
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("epochs", 40);
        training.put("batch", 64);
        training.put("optimizer", Map.of("name", "adam", "beta1", 0.9));
        training.put("lrSchedule", Map.of("type", "step", "initial", 0.001, "factor", 0.5, "every", 10));
        training.put("augmentation", List.of("hflip", "rotate10", "shift4"));
        training.put("seed", 42L);
        training.put("dropout", 0.25f);
        training.put("earlyStopping", true);
        training.put("notes", null);

        Map<String, Integer> splits = new LinkedHashMap<>();
        splits.put("train", 28709);
        splits.put("validation", 3589);
        splits.put("test", 3589);

        Map<String, Double> recall = new LinkedHashMap<>();
        ClassLabels.FER2013.names().forEach(n -> recall.put(n, 0.5 + n.length() / 100.0));

        return new ModelCard(
                ModelCard.FORMAT_VERSION,
                "cnn3-fer2013",
                "cnn3",
                ClassLabels.FER2013.names(),
                new ModelCard.Input(48, 48, 1, "grey, face crop, resize 48x48, x/255"),
                training,
                new ModelCard.DataInfo("fer2013.csv.gz", "a".repeat(64), splits, "FER2013 Usage column"),
                new ModelCard.Metrics(0.652, 0.631, 3589, recall, "PublicTest", "none"),
                null,
                5400,
                31,
                "Intel(R) Xeon(R) CPU @ 2.20GHz, 2 logical cores",
                2,
                Map.of("java", "17.0.15", "dl4j", "1.0.0-M2.1", "app", "dev"),
                "2024-05-01T12:00:00Z",
                new ModelCard.Weights("model.zip", "b".repeat(64), 9_876_543L, 2_345_678L),
                2_345_678L,
                null,
                new ModelCard.Inference("tencrop", "none", orderedAccuracies(), orderedTimes(), 2),
                null);
    }

    private static Map<String, Double> orderedAccuracies() {
        Map<String, Double> accuracy = new LinkedHashMap<>();
        accuracy.put("none", 0.641);
        accuracy.put("flip", 0.648);
        accuracy.put("tencrop", 0.655);
        return accuracy;
    }

    private static Map<String, Double> orderedTimes() {
        Map<String, Double> ms = new LinkedHashMap<>();
        ms.put("none", 7.5);
        ms.put("flip", 9.25);
        ms.put("tencrop", 31.0);
        return ms;
    }
}
