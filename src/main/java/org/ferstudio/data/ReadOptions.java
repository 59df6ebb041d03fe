package org.ferstudio.data;

import org.ferstudio.model.ClassLabels;

/**
 * How to read a dataset.
 *
 * @param labels          the class names in output order; null picks a default: FER2013 for CSV files; for
 *                        image folders FER2013's order when every class folder is a FER2013 name
 *                        (case-insensitive), else the folder names sorted
 * @param strict          fail on the first bad row or file instead of skipping and reporting it
 * @param maxRowsPerSplit keep at most this many images per split for quick experiments (0 = all); rows
 *                        beyond the limit are not validated
 */
public record ReadOptions(ClassLabels labels, boolean strict, int maxRowsPerSplit) {

    public ReadOptions {
        if (maxRowsPerSplit < 0) {
            throw new IllegalArgumentException("maxRowsPerSplit must be >= 0 (0 = all), got " + maxRowsPerSplit);
        }
    }

    public static ReadOptions defaults() {
        return new ReadOptions(null, false, 0);
    }

    public ReadOptions withLabels(ClassLabels newLabels) {
        return new ReadOptions(newLabels, strict, maxRowsPerSplit);
    }

    public ReadOptions withStrict(boolean newStrict) {
        return new ReadOptions(labels, newStrict, maxRowsPerSplit);
    }

    public ReadOptions withMaxRowsPerSplit(int newMaxRowsPerSplit) {
        return new ReadOptions(labels, strict, newMaxRowsPerSplit);
    }

    /** The given labels, or {@code fallback} when none were given. */
    public ClassLabels labelsOr(ClassLabels fallback) {
        return labels != null ? labels : fallback;
    }
}
