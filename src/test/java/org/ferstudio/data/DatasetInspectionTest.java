package org.ferstudio.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ferstudio.task.ProgressReporter;
import org.ferstudio.testutil.SyntheticFaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetInspectionTest {

    private static final String CLASS_NAMES = String.join(",", SyntheticFaces.LABELS.names());

    @TempDir
    Path tmp;

    @Test
    void dataWithItsOwnSplitsAllowsBothModesAndIsSplitTheWayAskedFor() throws IOException {
        Path csv = SyntheticFaces.csv(tmp.resolve("faces.csv"), 30, 9, 9);

        DatasetInspection own = DatasetInspection.read(csv, CLASS_NAMES, SplitMode.FROM_DATA, 7, ProgressReporter.NONE);
        assertThat(own.modes()).containsExactly(SplitMode.FROM_DATA, SplitMode.RANDOM);
        assertThat(own.mode()).isEqualTo(SplitMode.FROM_DATA);
        assertThat(own.split().splits().train().size()).isEqualTo(30);
        assertThat(own.split().splits().validation().size()).isEqualTo(9);
        assertThat(own.split().description()).isEqualTo(own.split().splits().description());
        assertThat(own.classCounts()).hasSize(9).contains(new ClassCount("Training", "top", 10),
                new ClassCount("PublicTest", "left", 3));

        DatasetInspection random = DatasetInspection.read(csv, CLASS_NAMES, SplitMode.RANDOM, 7, ProgressReporter.NONE);
        assertThat(random.mode()).isEqualTo(SplitMode.RANDOM);
        DataSplits pooled = random.split().splits();
        assertThat(pooled.train().size() + pooled.validation().size() + pooled.test().size())
                .as("a random split pools all 48 images").isEqualTo(48);
        assertThat(pooled.train().size()).isNotEqualTo(30);
    }

    @Test
    void dataWithoutSplitsOffersOnlyARandomSplitAndRefusesItsOwn() throws IOException {
        Path csv = withoutUsage(SyntheticFaces.csv(tmp.resolve("faces.csv"), 30, 9, 9));

        DatasetInspection inspection = DatasetInspection.read(csv, CLASS_NAMES, SplitMode.FROM_DATA, 7,
                ProgressReporter.NONE);

        assertThat(inspection.modes()).containsExactly(SplitMode.RANDOM);
        assertThat(inspection.mode()).as("the wanted mode is not possible here").isEqualTo(SplitMode.RANDOM);
        assertThat(inspection.split().splits()).isNotNull();
        DatasetSplitter.Attempt own = DatasetSplitter.attempt(inspection.dataset(), SplitMode.FROM_DATA, 7);
        assertThat(own.splits()).isNull();
        assertThat(own.description()).startsWith("Cannot split the data: the data has no splits of its own");
    }

    @Test
    void malformedClassNamesAreADataProblemNamingTheLabels() throws IOException {
        Path csv = SyntheticFaces.csv(tmp.resolve("faces.csv"), 30, 9, 9);

        assertThatThrownBy(() -> DatasetInspection.read(csv, "top,,left", SplitMode.FROM_DATA, 7, ProgressReporter.NONE))
                .isInstanceOfSatisfying(DatasetFormatException.class, e -> {
                    assertThat(e.problem().field()).isEqualTo("labels");
                    assertThat(e.problem().location()).contains("top,,left");
                });
    }

    @Test
    void splitModesAreRememberedByName() {
        assertThat(SplitMode.parse("RANDOM", SplitMode.FROM_DATA)).isEqualTo(SplitMode.RANDOM);
        assertThat(SplitMode.parse("no such mode", SplitMode.FROM_DATA)).isEqualTo(SplitMode.FROM_DATA);
    }

    /** The same CSV without its Usage column. */
    private static Path withoutUsage(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv).stream().map(line -> line.replaceFirst(",[A-Za-z]+$", "")).toList();
        return Files.write(csv.resolveSibling("plain.csv"), lines);
    }
}
