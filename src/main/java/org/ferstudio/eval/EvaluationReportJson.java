package org.ferstudio.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;

import org.ferstudio.model.ClassLabels;
import org.ferstudio.io.Json;

/**
 * Writes and reads an {@link EvaluationReport} as
 * <pre>
 * {"n": int, "accuracy": double, "macro_f1": double, "classes": [names],
 *  "per_class": {name: {"precision", "recall", "f1", "support"}},
 *  "confusion_matrix": [[...]]}   rows = true class, columns = predicted, in "classes" order
 * </pre>
 * Reading rebuilds the report from {@code classes} and {@code confusion_matrix}, the only independent
 * data; {@code n} and {@code accuracy} are checked against them to catch damaged or hand-edited files.
 */
public final class EvaluationReportJson {

    private static final double TOLERANCE = 1e-9;

    @JsonPropertyOrder({"n", "accuracy", "macro_f1", "classes", "per_class", "confusion_matrix"})
    record Document(int n, double accuracy, @JsonProperty("macro_f1") double macroF1, List<String> classes,
                    @JsonProperty("per_class") Map<String, PerClass> perClass,
                    @JsonProperty("confusion_matrix") int[][] confusionMatrix) {
    }

    @JsonPropertyOrder({"precision", "recall", "f1", "support"})
    record PerClass(double precision, double recall, double f1, int support) {
    }

    private EvaluationReportJson() {
    }

    public static String toJson(EvaluationReport report) {
        return Json.toJson(toDocument(report));
    }

    /** Writes atomically: an interrupted write leaves the previous file. */
    public static void write(EvaluationReport report, Path file) throws IOException {
        Json.write(file, toDocument(report));
    }

    /** @throws IOException when the text is not JSON or not a consistent report */
    public static EvaluationReport fromJson(String json) throws IOException {
        try {
            return fromDocument(Json.fromJson(json, Document.class));
        } catch (JsonProcessingException e) {
            throw new IOException("not a valid evaluation report: " + Json.describe(e), e);
        }
    }

    public static EvaluationReport read(Path file) throws IOException {
        Document doc = Json.read(file, Document.class);
        try {
            return fromDocument(doc);
        } catch (IOException e) {
            throw new IOException("could not read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Document toDocument(EvaluationReport report) {
        Map<String, PerClass> perClass = new LinkedHashMap<>();
        for (ClassMetrics m : report.perClass()) {
            perClass.put(m.label(), new PerClass(m.precision(), m.recall(), m.f1(), m.support()));
        }
        return new Document(report.n(), report.accuracy(), report.macroF1(), report.classes().names(),
                perClass, report.confusionMatrix().toArray());
    }

    private static EvaluationReport fromDocument(Document doc) throws IOException {
        if (doc.classes() == null || doc.classes().contains(null) || doc.confusionMatrix() == null) {
            throw new IOException("\"classes\" (a list of names) and \"confusion_matrix\" are required");
        }
        EvaluationReport report;
        try {
            report = EvaluationReport.of(ConfusionMatrix.of(new ClassLabels(doc.classes()), doc.confusionMatrix()));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (doc.n() != report.n() || Math.abs(doc.accuracy() - report.accuracy()) > TOLERANCE) {
            throw new IOException("\"n\" (" + doc.n() + ") or \"accuracy\" (" + doc.accuracy()
                    + ") do not match the confusion matrix (" + report.n() + " samples, accuracy "
                    + report.accuracy() + ")");
        }
        return report;
    }
}
