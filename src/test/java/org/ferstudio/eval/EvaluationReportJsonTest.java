package org.ferstudio.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.ferstudio.model.ClassLabels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationReportJsonTest {

    private static final ClassLabels LABELS = new ClassLabels(List.of("Angry", "Happy", "Surprise"));
    private static final EvaluationReport REPORT =
            EvaluationReport.of(ConfusionMatrix.of(LABELS, new int[][] {{4, 1, 0}, {2, 2, 0}, {1, 0, 1}}));

    @TempDir
    Path dir;

    @Test
    void hasExactlyTheDocumentedShape() throws IOException {
        JsonNode json = new ObjectMapper().readTree(REPORT.toJson());

        assertThat(json.fieldNames()).toIterable()
                .containsExactly("n", "accuracy", "macro_f1", "classes", "per_class", "confusion_matrix");
        assertThat(json.get("n").isInt()).isTrue();
        assertThat(json.get("n").intValue()).isEqualTo(11);
        assertThat(json.get("accuracy").doubleValue()).isEqualTo(7.0 / 11);
        assertThat(json.get("macro_f1").doubleValue()).isEqualTo(40.0 / 63);
        assertThat(json.get("classes").toString()).isEqualTo("[\"Angry\",\"Happy\",\"Surprise\"]");
        assertThat(json.get("per_class").fieldNames()).toIterable().containsExactly("Angry", "Happy", "Surprise");
        JsonNode angry = json.get("per_class").get("Angry");
        assertThat(angry.fieldNames()).toIterable().containsExactly("precision", "recall", "f1", "support");
        assertThat(angry.get("precision").doubleValue()).isEqualTo(4.0 / 7);
        assertThat(angry.get("recall").doubleValue()).isEqualTo(0.8);
        assertThat(angry.get("f1").doubleValue()).isEqualTo(REPORT.metrics("Angry").f1());
        assertThat(angry.get("support").intValue()).isEqualTo(5);
        assertThat(json.get("confusion_matrix").toString()).isEqualTo("[[4,1,0],[2,2,0],[1,0,1]]");
    }

    @Test
    void roundTripsThroughAString() throws IOException {
        assertThat(EvaluationReportJson.fromJson(REPORT.toJson())).isEqualTo(REPORT);
    }

    @Test
    void roundTripsThroughAFile() throws IOException {
        Path file = dir.resolve("evaluation.json");
        EvaluationReportJson.write(REPORT, file);

        EvaluationReport back = EvaluationReportJson.read(file);

        assertThat(back).isEqualTo(REPORT);
        assertThat(back.accuracy()).isEqualTo(REPORT.accuracy());
        assertThat(back.perClass()).isEqualTo(REPORT.perClass());
    }

    @Test
    void rejectsAFileWhoseNumbersDisagreeWithItsMatrix() {
        String tampered = REPORT.toJson().replaceFirst("\"n\": 11", "\"n\": 12");
        assertThat(tampered).isNotEqualTo(REPORT.toJson());

        assertThatThrownBy(() -> EvaluationReportJson.fromJson(tampered))
                .isInstanceOf(IOException.class).hasMessageContaining("do not match");
    }

    @Test
    void rejectsAMatrixOfTheWrongSize() {
        String json = "{\"n\": 2, \"accuracy\": 1.0, \"classes\": [\"A\", \"B\", \"C\"], \"confusion_matrix\": [[1, 0], [0, 1]]}";
        assertThatThrownBy(() -> EvaluationReportJson.fromJson(json))
                .isInstanceOf(IOException.class).hasMessageContaining("expected 3 rows");
    }

    @Test
    void rejectsTextThatIsNotJson() {
        assertThatThrownBy(() -> EvaluationReportJson.fromJson("{\"n\": "))
                .isInstanceOf(IOException.class).hasMessageStartingWith("not a valid evaluation report");
    }
}
