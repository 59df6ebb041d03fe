package org.ferstudio.app.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ferstudio.data.ClassLabelsReader;
import org.ferstudio.data.DataProblem;
import org.ferstudio.data.Dataset;
import org.ferstudio.data.DatasetFormatException;
import org.ferstudio.data.DatasetReader;
import org.ferstudio.data.ReadOptions;
import org.ferstudio.data.ValidationReport;
import org.ferstudio.model.ClassLabels;
import org.ferstudio.task.ProgressReporter;

/**
 * A dataset read for the dataset step (with the reader and options {@code fer-studio validate} uses),
 * the split modes it allows, and its first split; plus what the step shows of it.
 *
 * @param classNames the class names as given (empty for the defaults)
 */
record DatasetInspection(Path file, String classNames, Dataset dataset, List<SplitMode> modes, SplitMode mode,
                         DatasetSplitter.Attempt split) {

    /**
     * Reads and validates {@code file}, then splits it with {@code wanted} if the data allows that mode.
     *
     * @throws DatasetFormatException when the data cannot be used, or the class names are malformed
     * @throws org.ferstudio.task.CancelledException when {@code progress} asks to stop
     */
    static DatasetInspection read(Path file, String classNames, SplitMode wanted, long seed, ProgressReporter progress) {
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

    /** The bars of the class-distribution chart: images per split and class. */
    List<ClassCount> classCounts() {
        ValidationReport report = dataset.report();
        List<ClassCount> counts = new ArrayList<>();
        for (String splitName : report.splits()) {
            for (int c = 0; c < report.labels().size(); c++) {
                counts.add(new ClassCount(splitName, report.labels().name(c), report.count(splitName, c)));
            }
        }
        return counts;
    }

    /** "fer2013.csv.gz: 35,887 images, 7 classes (Training 28,709 · PublicTest 3,589 · PrivateTest 3,589)". */
    String summary() {
        ValidationReport r = dataset.report();
        StringBuilder s = new StringBuilder(dataset.source().name()).append(": ").append(Formats.count(r.total()))
                .append(" images, ").append(r.labels().size()).append(" classes");
        if (dataset.hasOwnSplits()) {
            List<String> parts = new ArrayList<>();
            r.splits().forEach(splitName -> parts.add(splitName + " " + Formats.count(r.splitTotal(splitName))));
            s.append(" (").append(String.join(" · ", parts)).append(')');
        } else {
            s.append(", no splits of its own");
        }
        r.classSetNote().ifPresent(note -> s.append(". ").append(note));
        return s.toString();
    }

    /** The step's status line: how many bad rows the read skipped. */
    String problemSummary() {
        int bad = dataset.report().problems().size();
        if (dataset.report().total() == 0) {
            return bad == 0 ? "No images: the data holds none." : "No images: every row or file is bad; see the list below.";
        }
        return bad == 0 ? "No problems found." : Formats.count(bad)
                + (bad == 1 ? " bad row or file" : " bad rows or files") + " will be skipped; see the list below.";
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
