package org.ferstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data that reads without a bad row yet cannot serve as meant: no images, or unusual classes (issue 18). */
class EmptyAndOddDataTest {

    @TempDir
    Path tmp;

    @Test
    void aCsvWithOnlyItsHeaderIsNotCleanForValidateNorUsableForTrainOrEvaluate() throws IOException {
        Path csv = Files.writeString(tmp.resolve("header.csv"), "emotion,pixels,Usage\n");

        CliRun validate = CliRun.of("validate", "--data", csv.toString());
        CliRun train = CliRun.of("train", "--data", csv.toString(), "--epochs", "1", "--out", tmp.resolve("m").toString());

        assertThat(validate.exit()).isEqualTo(1);
        assertThat(validate.out()).contains("No images").doesNotContain("No problems found");
        assertThat(validate.err()).contains(csv + " holds no images: it has no rows after its header line");
        assertThat(train.exit()).isEqualTo(1);
        assertThat(train.err()).contains(csv + " holds no images");
        assertThat(tmp.resolve("m")).doesNotExist();
    }

    @Test
    void anImageFolderWithAnUnusualClassSetIsNamedInTheValidateReport() throws IOException {
        Path root = tmp.resolve("faces");
        for (String name : List.of("angry", "contempt", "disgust", "fear", "happy", "neutral", "sad", "surprise")) {
            Path dir = Files.createDirectories(root.resolve(name));
            ImageIO.write(new BufferedImage(48, 48, BufferedImage.TYPE_BYTE_GRAY), "png", dir.resolve("a.png").toFile());
        }

        CliRun validate = CliRun.of("validate", "--data", root.toString());

        assertThat(validate.exit()).as(validate.err()).isZero();
        assertThat(validate.out()).contains("Note: 8 classes (angry, contempt, disgust, fear, happy, neutral, sad, "
                + "surprise), not FER2013's usual seven: contempt is extra.");
    }
}
