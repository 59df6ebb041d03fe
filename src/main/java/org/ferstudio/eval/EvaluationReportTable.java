package org.ferstudio.eval;

import java.util.List;
import java.util.Locale;

/** Renders an {@link EvaluationReport} as a fixed-width text table. */
final class EvaluationReportTable {

    private static final String MATRIX_CORNER = "true \\ pred";

    private EvaluationReportTable() {
    }

    static String format(EvaluationReport report) {
        List<String> names = report.classes().names();
        int nameWidth = Math.max(MATRIX_CORNER.length(), names.stream().mapToInt(String::length).max().orElse(0));
        StringBuilder out = new StringBuilder();
        appendPerClass(out, report, nameWidth);
        out.append('\n');
        line(out, "%-" + nameWidth + "s  %.4f  (n = %d)", "accuracy", report.accuracy(), report.n());
        line(out, "%-" + nameWidth + "s  %.4f", "macro-F1", report.macroF1());
        out.append('\n');
        appendMatrix(out, report.confusionMatrix(), nameWidth);
        return out.toString();
    }

    private static void appendPerClass(StringBuilder out, EvaluationReport report, int nameWidth) {
        String header = "%-" + nameWidth + "s  %9s  %9s  %9s  %9s";
        String row = "%-" + nameWidth + "s  %9.4f  %9.4f  %9.4f  %9d";
        line(out, header, "class", "precision", "recall", "f1", "support");
        for (ClassMetrics m : report.perClass()) {
            line(out, row, m.label(), m.precision(), m.recall(), m.f1(), m.support());
        }
    }

    private static void appendMatrix(StringBuilder out, ConfusionMatrix matrix, int nameWidth) {
        List<String> names = matrix.labels().names();
        int[][] counts = matrix.toArray();
        int cellWidth = Math.max(String.valueOf(maxCount(counts)).length(),
                names.stream().mapToInt(String::length).max().orElse(1));
        out.append("confusion matrix (rows = true class, columns = predicted class)\n");
        out.append(String.format(Locale.ROOT, "%-" + nameWidth + "s", MATRIX_CORNER));
        names.forEach(n -> out.append(String.format(Locale.ROOT, "  %" + cellWidth + "s", n)));
        out.append('\n');
        for (int t = 0; t < counts.length; t++) {
            out.append(String.format(Locale.ROOT, "%-" + nameWidth + "s", names.get(t)));
            for (int c : counts[t]) {
                out.append(String.format(Locale.ROOT, "  %" + cellWidth + "d", c));
            }
            out.append('\n');
        }
    }

    private static int maxCount(int[][] counts) {
        int max = 0;
        for (int[] row : counts) {
            for (int c : row) {
                max = Math.max(max, c);
            }
        }
        return max;
    }

    // Locale.ROOT: a German or French default locale would otherwise print "0,6364"
    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
