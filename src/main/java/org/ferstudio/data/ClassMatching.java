package org.ferstudio.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ferstudio.model.ClassLabels;

/**
 * Pairs a dataset with a model by class NAME, never by position: a dataset whose classes are the model's in
 * another order is renumbered into the model's order, and one whose classes differ is refused with both
 * lists. Letter case is ignored ("happy" is "Happy").
 */
public final class ClassMatching {

    private ClassMatching() {
    }

    /**
     * The dataset with its labels renumbered into {@code modelClasses}' order (the same dataset when the order
     * already agrees).
     *
     * @throws IllegalArgumentException when the class sets differ, naming both lists and what differs
     */
    public static Dataset inModelOrder(Dataset data, ClassLabels modelClasses, String modelName) {
        int[] modelIndex = modelIndexOf(data.labels(), modelClasses, modelName, data.source().name());
        boolean identity = true;
        for (int i = 0; i < modelIndex.length; i++) {
            identity &= modelIndex[i] == i;
        }
        if (identity) {
            return data;
        }
        Map<String, FaceImages> splits = new LinkedHashMap<>();
        data.splits().forEach((name, images) -> splits.put(name, relabelled(images, modelIndex)));
        return new Dataset(modelClasses, splits, data.source(), data.report());
    }

    /**
     * For each of the data's classes, the index of the class of the same name in the model.
     *
     * @throws IllegalArgumentException when the class sets differ
     */
    public static int[] modelIndexOf(ClassLabels dataClasses, ClassLabels modelClasses, String modelName, String dataName) {
        List<String> notInModel = new ArrayList<>();
        int[] index = new int[dataClasses.size()];
        for (int i = 0; i < dataClasses.size(); i++) {
            index[i] = modelClasses.indexOf(dataClasses.name(i)).orElse(-1);
            if (index[i] < 0) {
                notInModel.add(dataClasses.name(i));
            }
        }
        List<String> notInData = modelClasses.names().stream()
                .filter(n -> dataClasses.indexOf(n).isEmpty()).toList();
        if (!notInModel.isEmpty() || !notInData.isEmpty()) {
            StringBuilder m = new StringBuilder("the model ").append(modelName).append(" has the classes ")
                    .append(modelClasses.names()).append(" and the data ").append(dataName).append(" has ")
                    .append(dataClasses.names()).append("; classes are matched by name, and ");
            if (!notInModel.isEmpty()) {
                m.append("the model has no ").append(String.join(", ", notInModel));
            }
            if (!notInData.isEmpty()) {
                m.append(notInModel.isEmpty() ? "" : ", ").append("the data has no ").append(String.join(", ", notInData));
            }
            throw new IllegalArgumentException(m.toString());
        }
        return index;
    }

    private static FaceImages relabelled(FaceImages images, int[] newLabel) {
        FaceImages out = new FaceImages(images.size());
        for (int i = 0; i < images.size(); i++) {
            out.add(images.image(i), newLabel[images.label(i)]);
        }
        return out;
    }
}
