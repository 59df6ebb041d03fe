package org.ferstudio.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ferstudio.model.ClassLabels;
import org.ferstudio.task.ProgressReporter;

/**
 * A dataset read and checked for choosing a split (with the reader and options {@code fer-studio validate} uses),
 * the split modes it allows, and its first split: what the wizard's dataset step shows, which words it itself.
 *
 * @param classNames the class names as given (empty for the defaults)
 */
public record DatasetInspection(Path file, String classNames, Dataset dataset, List<SplitMode> modes, SplitMode mode,
                         DatasetSplitter.Attempt split) {

    /**
     * Reads and validates {@code file}, then splits it with {@code wanted} if the data allows that mode.
     *
     * @throws DatasetFormatException when the data cannot be used, or the class names are malformed
     * @throws org.ferstudio.task.CancelledException when {@code progress} asks to stop
     */
    public static DatasetInspection read(Path file, String classNames, SplitMode wanted, long seed, ProgressReporter progress) {
        ReadOptions options = ReadOptions.defaults();
        if (!classNames.isEmpty()) {
            options = options.withLabels(parseClassNames(classNames));
        }
        Dataset d = DatasetReader.read(file, options, progress);
        List<SplitMode> modes = d.hasOwnSplits() ? List.of(SplitMode.FROM_DATA, SplitMode.RANDOM)
                : List.of(SplitMode.RANDOM);
        SplitMode mode = modes.contains(wanted) ? wanted : modes.get(0);
        progress.checkCancelled();
        return new DatasetInspection(file, classNames, d, modes, mode, DatasetSplitter.attempt(d, mode, seed));
    }

    /** Images per split and class, splits in the report's order (the bars of the class-distribution chart). */
    public List<ClassCount> classCounts() {
        ValidationReport report = dataset.report();
        List<ClassCount> counts = new ArrayList<>();
        for (String splitName : report.splits()) {
            for (int c = 0; c < report.labels().size(); c++) {
                counts.add(new ClassCount(splitName, report.labels().name(c), report.count(splitName, c)));
            }
        }
        return counts;
    }

    // malformed names are a data problem like any other, shown in the step's problem list
    private static ClassLabels parseClassNames(String text) {
        try {
            return ClassLabelsReader.parse(text);
        } catch (IllegalArgumentException e) {
            throw new DatasetFormatException(new DataProblem("class names '" + text + "'", "labels", e.getMessage()), e);
        }
    }
}
