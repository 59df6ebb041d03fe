package org.ferstudio.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ferstudio.model.ClassLabels;
import org.junit.jupiter.api.Test;

class ValidationReportTest {

    private static final ClassLabels LABELS = new ClassLabels(List.of("Happy", "Sad", "Surprise"));

    @Test
    void countsPerSplitAndClassWithTotals() {
        ValidationReport report = report(List.of());

        assertThat(report.splits()).containsExactly("Training", "PublicTest");
        assertThat(report.count("Training", 2)).isEqualTo(3000);
        assertThat(report.splitTotal("Training")).isEqualTo(13_005);
        assertThat(report.classTotal(1)).isEqualTo(9);
        assertThat(report.total()).isEqualTo(13_020);
        assertThat(report.hasProblems()).isFalse();
    }

    @Test
    void formatsATableWithSplitRowsClassColumnsAndTotals() {
        String text = report(List.of()).toFormattedString();

        assertThat(text).isEqualTo("""
                split       images   Happy  Sad  Surprise
                Training    13,005  10,000    5     3,000
                PublicTest      15      10    4         1
                total       13,020  10,010    9     3,001

                Note: 3 classes (Happy, Sad, Surprise), not FER2013's usual seven: Angry, Disgust, Fear, Neutral \
                are missing. A model trained on this data has these 3 classes.

                No problems found.
                """);
    }

    @Test
    void anExtraClassIsNamedInTheNote() {
        ClassLabels eight = new ClassLabels(List.of("angry", "contempt", "disgust", "fear", "happy", "neutral", "sad",
                "surprise"));
        ValidationReport report = new ValidationReport(eight, Map.of("all", new int[] {1, 1, 1, 1, 1, 1, 1, 1}),
                List.of(), 0);

        assertThat(report.classSetNote()).hasValue("Note: 8 classes (angry, contempt, disgust, fear, happy, neutral, "
                + "sad, surprise), not FER2013's usual seven: contempt is extra. A model trained on this data has "
                + "these 8 classes.");
        assertThat(new ValidationReport(ClassLabels.FER2013, Map.of("all", new int[7]), List.of(), 0).classSetNote())
                .isEmpty();
    }

    @Test
    void dataWithoutImagesIsNotReportedAsClean() {
        ValidationReport empty = new ValidationReport(ClassLabels.FER2013, Map.of(), List.of(), 0);
        ValidationReport allBad = new ValidationReport(ClassLabels.FER2013, Map.of(),
                List.of(DataProblem.atLine("x.csv", 2, "pixels", "bad")), 0);

        assertThat(empty.toFormattedString()).contains("No images: the data holds none.")
                .doesNotContain("No problems found");
        assertThat(allBad.toFormattedString()).contains("No images: every row or file is bad.");
    }

    @Test
    void listsTheFirstFiftyProblemsButKeepsAll() {
        List<DataProblem> problems = new ArrayList<>();
        for (int line = 2; line < 62; line++) {
            problems.add(DataProblem.atLine("x.csv", line, "pixels", "bad"));
        }

        ValidationReport report = report(problems);
        String text = report.toFormattedString();

        assertThat(report.problems()).hasSize(60);
        assertThat(text).contains("60 problems", "x.csv line 51 (pixels): bad", "... and 10 more")
                .doesNotContain("x.csv line 52 ");
    }

    private static ValidationReport report(List<DataProblem> problems) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        counts.put("Training", new int[] {10_000, 5, 3000});
        counts.put("PublicTest", new int[] {10, 4, 1});
        return new ValidationReport(LABELS, counts, problems, 0);
    }
}
