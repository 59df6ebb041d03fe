package org.ferstudio.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.ferstudio.task.ProgressReporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsAFileAsCsv() throws IOException {
        Path file = TestCsv.write(dir, "data.csv", List.of(TestCsv.HEADER, TestCsv.row(2, TestCsv.pixels(0, 1), "Training")));

        Dataset dataset = DatasetReader.read(file, ReadOptions.defaults(), ProgressReporter.NONE);

        assertThat(dataset.split("Training").label(0)).isEqualTo(2);
    }

    @Test
    void readsAFolderAsImageFolders() throws IOException {
        for (String label : List.of("happy", "sad")) {
            Path file = Files.createDirectories(dir.resolve(label)).resolve("a.png");
            ImageIO.write(new BufferedImage(48, 48, BufferedImage.TYPE_BYTE_GRAY), "png", file.toFile());
        }

        Dataset dataset = DatasetReader.read(dir, ReadOptions.defaults(), ProgressReporter.NONE);

        assertThat(dataset.split(Dataset.ALL).labels()).containsExactly(3, 4);
    }

    @Test
    void aMissingPathGivesAClearMessage() {
        Path missing = dir.resolve("nowhere/fer2013.csv.gz");

        assertThatThrownBy(() -> DatasetReader.read(missing, ReadOptions.defaults(), ProgressReporter.NONE))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }
}
