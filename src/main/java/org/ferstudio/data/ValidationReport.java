package org.ferstudio.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ferstudio.model.ClassLabels;

/**
 * What a dataset read found: images per split and class, and every problem (all are kept; only the text
 * form shortens the list). Immutable.
 */
public final class ValidationReport {

    /** How many problems {@link #toFormattedString()} lists before summarising the rest. */
    public static final int LISTED_PROBLEMS = 50;

    private final ClassLabels labels;
    private final Map<String, int[]> countsBySplit;
    private final List<DataProblem> problems;
    private final int notReadByLimit;

    /**
     * @param countsBySplit  split name -> images per class index, in split order
     * @param notReadByLimit rows or files left out (and not validated) because of a per-split row limit
     */
    public ValidationReport(ClassLabels labels, Map<String, int[]> countsBySplit, List<DataProblem> problems,
                            int notReadByLimit) {
        this.labels = labels;
        Map<String, int[]> copy = new LinkedHashMap<>();
        countsBySplit.forEach((split, counts) -> {
            if (counts.length != labels.size()) {
                throw new IllegalArgumentException("split " + split + " has " + counts.length
                        + " class counts for " + labels.size() + " classes");
            }
            copy.put(split, counts.clone());
        });
        this.countsBySplit = Collections.unmodifiableMap(copy);
        this.problems = List.copyOf(problems);
        this.notReadByLimit = notReadByLimit;
    }

    public ClassLabels labels() {
        return labels;
    }

    /** Split names in dataset order. */
    public List<String> splits() {
        return List.copyOf(countsBySplit.keySet());
    }

    public int count(String split, int classIndex) {
        int[] counts = countsBySplit.get(split);
        if (counts == null) {
            throw new IllegalArgumentException("no split '" + split + "'; splits are " + splits());
        }
        return counts[classIndex];
    }

    public int splitTotal(String split) {
        int sum = 0;
        for (int c = 0; c < labels.size(); c++) {
            sum += count(split, c);
        }
        return sum;
    }

    public int classTotal(int classIndex) {
        int sum = 0;
        for (int[] counts : countsBySplit.values()) {
            sum += counts[classIndex];
        }
        return sum;
    }

    public int total() {
        int sum = 0;
        for (String split : countsBySplit.keySet()) {
            sum += splitTotal(split);
        }
        return sum;
    }

    public List<DataProblem> problems() {
        return problems;
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    public int notReadByLimit() {
        return notReadByLimit;
    }

    /** A table with splits as rows and classes as columns plus totals, then the problems found. */
    public String toFormattedString() {
        StringBuilder out = new StringBuilder(countTable());
        if (notReadByLimit > 0) {
            out.append('\n').append(number(notReadByLimit))
                    .append(" rows or files were not read because of the per-split row limit.\n");
        }
        out.append('\n');
        classSetNote().ifPresent(note -> out.append(note).append("\n\n"));
        if (total() == 0) {
            out.append(problems.isEmpty() ? "No images: the data holds none.\n"
                    : "No images: every row or file is bad.\n");
        }
        if (problems.isEmpty()) {
            if (total() > 0) {
                out.append("No problems found.\n");
            }
            return out.toString();
        }
        out.append(number(problems.size())).append(problems.size() == 1 ? " problem" : " problems")
                .append(" (skipped):\n");
        problems.stream().limit(LISTED_PROBLEMS).forEach(p -> out.append("  ").append(p).append('\n'));
        if (problems.size() > LISTED_PROBLEMS) {
            out.append("  ... and ").append(number(problems.size() - LISTED_PROBLEMS)).append(" more\n");
        }
        return out.toString();
    }

    /**
     * A warning when the classes are not FER2013's seven (compared by name, letter case ignored), naming them
     * and what differs: a model trained on this data gets these classes. Empty for the usual seven.
     */
    public Optional<String> classSetNote() {
        List<String> extra = labels.names().stream().filter(n -> ClassLabels.FER2013.indexOf(n).isEmpty()).toList();
        List<String> missing = ClassLabels.FER2013.names().stream().filter(n -> labels.indexOf(n).isEmpty()).toList();
        if (extra.isEmpty() && missing.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder note = new StringBuilder("Note: ").append(labels.size()).append(" classes (")
                .append(String.join(", ", labels.names())).append("), not FER2013's usual seven: ");
        if (!extra.isEmpty()) {
            note.append(String.join(", ", extra)).append(extra.size() == 1 ? " is" : " are").append(" extra");
        }
        if (!missing.isEmpty()) {
            note.append(extra.isEmpty() ? "" : "; ").append(String.join(", ", missing))
                    .append(missing.size() == 1 ? " is" : " are").append(" missing");
        }
        return Optional.of(note.append(". A model trained on this data has these ").append(labels.size())
                .append(" classes.").toString());
    }

    @Override
    public String toString() {
        return "ValidationReport[" + total() + " images in " + splits() + ", " + problems.size() + " problems]";
    }

    private String countTable() {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("split", "images"));
        header.addAll(labels.names());
        rows.add(header);
        for (String split : countsBySplit.keySet()) {
            List<String> row = new ArrayList<>(List.of(split, number(splitTotal(split))));
            for (int c = 0; c < labels.size(); c++) {
                row.add(number(count(split, c)));
            }
            rows.add(row);
        }
        List<String> totals = new ArrayList<>(List.of("total", number(total())));
        for (int c = 0; c < labels.size(); c++) {
            totals.add(number(classTotal(c)));
        }
        rows.add(totals);
        return alignColumns(rows);
    }

    /** First column left-aligned (names), the others right-aligned (numbers). */
    private static String alignColumns(List<List<String>> rows) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            out.append(String.format(Locale.ROOT, "%-" + widths[0] + "s", row.get(0)));
            for (int c = 1; c < columns; c++) {
                out.append("  ").append(String.format(Locale.ROOT, "%" + widths[c] + "s", row.get(c)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
