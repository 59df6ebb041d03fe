package org.ferstudio.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassLabelsReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsALabelsFileIgnoringBlankLinesAndComments() throws IOException {
        Path file = Files.writeString(dir.resolve("labels.txt"), "# AffectNet-style classes\nangry\n\n  happy  # index 1\nsad\n");

        assertThat(ClassLabelsReader.parse(file.toString()).names()).containsExactly("angry", "happy", "sad");
    }

    @Test
    void readsACommaSeparatedList() {
        assertThat(ClassLabelsReader.parse("angry, happy ,contempt").names()).containsExactly("angry", "happy", "contempt");
    }

    @Test
    void rejectsDuplicatesIgnoringCaseWithTheLine() throws IOException {
        Path file = Files.writeString(dir.resolve("labels.txt"), "happy\nsad\nHappy\n");

        assertThatThrownBy(() -> ClassLabelsReader.fromFile(file))
                .isInstanceOf(DatasetFormatException.class).hasMessageContaining("line 3").hasMessageContaining("Happy");
        assertThatThrownBy(() -> ClassLabelsReader.fromList("a,b,A")).hasMessageContaining("twice");
        assertThatThrownBy(() -> ClassLabelsReader.fromList("a,,b")).hasMessageContaining("empty class name");
    }

    @Test
    void aMissingLabelsFileNamesThePath() {
        Path missing = dir.resolve("labels.txt");

        assertThatThrownBy(() -> ClassLabelsReader.parse(missing.toString()))
                .isInstanceOf(DatasetFormatException.class).hasMessageContaining(missing.toString());
    }
}
