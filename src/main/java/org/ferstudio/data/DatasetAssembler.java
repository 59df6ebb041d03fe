package org.ferstudio.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ferstudio.model.ClassLabels;

/**
 * Collects what a reader finds: images per split in order of first appearance, problems (thrown at once in
 * strict mode), and rows left out by the per-split limit. Shared by the CSV and the image-folder reader so
 * both apply the options the same way.
 */
final class DatasetAssembler {

    private final ClassLabels labels;
    private final ReadOptions options;
    private final Map<String, FaceImages> splits = new LinkedHashMap<>();
    private final List<DataProblem> problems = new ArrayList<>();
    private int notReadByLimit;

    DatasetAssembler(ClassLabels labels, ReadOptions options) {
        this.labels = labels;
        this.options = options;
    }

    ClassLabels labels() {
        return labels;
    }

    /** True when the split already holds the maximum number of images asked for. */
    boolean isFull(String split) {
        FaceImages images = splits.get(split);
        return options.maxRowsPerSplit() > 0 && images != null && images.size() >= options.maxRowsPerSplit();
    }

    void add(String split, byte[] grey, int label) {
        splits.computeIfAbsent(split, s -> new FaceImages()).add(grey, label);
    }

    /** Records a bad row or file; in strict mode stops the read with it. */
    void problem(DataProblem problem) {
        if (options.strict()) {
            throw new DatasetFormatException(problem);
        }
        problems.add(problem);
    }

    void notReadByLimit() {
        notReadByLimit++;
    }

    int problemCount() {
        return problems.size();
    }

    Dataset build(DatasetSource source) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        splits.forEach((split, images) -> counts.put(split, images.classCounts(labels.size())));
        ValidationReport report = new ValidationReport(labels, counts, problems, notReadByLimit);
        return new Dataset(labels, splits, source, report);
    }
}
