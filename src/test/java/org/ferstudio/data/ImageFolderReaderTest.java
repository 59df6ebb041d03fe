package org.ferstudio.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.ferstudio.model.ClassLabels;
import org.ferstudio.task.CancellationToken;
import org.ferstudio.task.CancelledException;
import org.ferstudio.task.ProgressReporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderReaderTest {

    @TempDir
    Path root;

    @Test
    void readsTheClassLayoutIntoSplitAllInSortedOrder() throws IOException {
        writeGrey(root.resolve("happy/b.png"), 30);
        writeGrey(root.resolve("happy/a.png"), 20);
        writeRgbJpeg(root.resolve("sad/x.jpg"), 0x808080);
        writeGrey(root.resolve("angry/z.PNG"), 10);

        Dataset dataset = read(ReadOptions.defaults());

        assertThat(dataset.splits().keySet()).containsExactly(Dataset.ALL);
        assertThat(dataset.labels()).isEqualTo(ClassLabels.FER2013);
        FaceImages all = dataset.split(Dataset.ALL);
        assertThat(all.labels()).containsExactly(0, 3, 3, 4);
        assertThat(all.image(0)).containsOnly((byte) 10);
        assertThat(all.image(1)).containsOnly((byte) 20);
        assertThat(all.image(2)).containsOnly((byte) 30);
        assertThat(all.image(3)[0] & 0xFF).isBetween(124, 132);
        assertThat(dataset.report().problems()).isEmpty();
        assertThat(dataset.source().name()).isEqualTo(root.getFileName().toString());
    }

    @Test
    void readsTheSplitLayout() throws IOException {
        writeGrey(root.resolve("train/angry/1.png"), 1);
        writeGrey(root.resolve("train/neutral/1.png"), 2);
        writeGrey(root.resolve("train/neutral/2.png"), 3);
        writeRgbJpeg(root.resolve("test/angry/1.jpeg"), 0x000000);

        Dataset dataset = read(ReadOptions.defaults());

        assertThat(dataset.splits().keySet()).containsExactly("test", "train");
        assertThat(dataset.split("train").labels()).containsExactly(0, 6, 6);
        assertThat(dataset.split("test").labels()).containsExactly(0);
        assertThat(dataset.report().count("train", 6)).isEqualTo(2);
    }

    @Test
    void reportsCorruptAndNonImageFilesByPathAndReadsTheRest() throws IOException {
        writeGrey(root.resolve("happy/good.png"), 50);
        writeGrey(root.resolve("happy/corrupt.png"), 50);
        Path corrupt = root.resolve("happy/corrupt.png");
        Files.write(corrupt, Arrays.copyOf(Files.readAllBytes(corrupt), 40)); // a PNG cut off after its header
        Files.createDirectories(root.resolve("sad"));
        Path notImage = Files.writeString(root.resolve("sad/notes.txt"), "not a face");
        Path textAsPng = Files.writeString(root.resolve("sad/fake.png"), "plain text with an image name");
        Files.writeString(root.resolve("sad/.hidden"), "ignored");

        Dataset dataset = read(ReadOptions.defaults());

        assertThat(dataset.split(Dataset.ALL).size()).isEqualTo(1);
        assertThat(dataset.report().problems()).extracting(DataProblem::location)
                .containsExactly(corrupt.toString(), textAsPng.toString(), notImage.toString());
        assertThat(dataset.report().problems().get(0).reason()).contains("truncated or corrupt PNG");
        assertThat(dataset.report().problems().get(1).reason()).contains("not an image");
        assertThat(dataset.report().problems().get(2).reason()).contains("not an image file");
    }

    @Test
    void strictModeStopsAtTheFirstBadFile() throws IOException {
        writeGrey(root.resolve("happy/a.png"), 50);
        Path corrupt = Files.write(root.resolve("happy/b.png"), new byte[] {1, 2, 3});

        assertThatThrownBy(() -> read(ReadOptions.defaults().withStrict(true)))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining(corrupt.toString());
    }

    @Test
    void aClassFolderOutsideTheGivenLabelsIsAnUnknownLabel() throws IOException {
        writeGrey(root.resolve("happy/a.png"), 50);
        writeGrey(root.resolve("sad/a.png"), 60);
        writeGrey(root.resolve("contempt/a.png"), 70);
        ClassLabels labels = new ClassLabels(List.of("Sad", "Happy"));

        Dataset dataset = read(ReadOptions.defaults().withLabels(labels));

        assertThat(dataset.split(Dataset.ALL).labels()).containsExactly(1, 0);
        assertThat(dataset.report().problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo(root.resolve("contempt").toString());
            assertThat(p.reason()).contains("unknown label 'contempt'");
        });
    }

    @Test
    void nonFer2013FoldersGiveSortedLabels() throws IOException {
        writeGrey(root.resolve("smile/a.png"), 1);
        writeGrey(root.resolve("frown/a.png"), 2);
        writeGrey(root.resolve("Neutral/a.png"), 3);

        Dataset dataset = read(ReadOptions.defaults());

        assertThat(dataset.labels().names()).containsExactly("Neutral", "frown", "smile");
    }

    @Test
    void theChecksumCoversNamesAndContents() throws IOException {
        writeGrey(root.resolve("happy/a.png"), 50);
        writeGrey(root.resolve("sad/a.png"), 60);
        String first = read(ReadOptions.defaults()).source().sha256();
        assertThat(read(ReadOptions.defaults()).source().sha256()).isEqualTo(first);

        Files.move(root.resolve("sad/a.png"), root.resolve("sad/b.png"));
        String renamed = read(ReadOptions.defaults()).source().sha256();
        writeGrey(root.resolve("sad/b.png"), 61);
        String changed = read(ReadOptions.defaults()).source().sha256();

        assertThat(first).hasSize(64).isNotEqualTo(renamed);
        assertThat(changed).isNotEqualTo(renamed);
    }

    @Test
    void maxRowsPerSplitKeepsClassProportions() throws IOException {
        for (int i = 0; i < 6; i++) {
            writeGrey(root.resolve("train/happy/" + i + ".png"), i);
        }
        for (int i = 0; i < 3; i++) {
            writeGrey(root.resolve("train/sad/" + i + ".png"), i);
        }
        writeGrey(root.resolve("test/sad/0.png"), 0);

        Dataset dataset = read(ReadOptions.defaults().withMaxRowsPerSplit(3));

        assertThat(dataset.split("train").labels()).containsExactly(3, 3, 4);
        assertThat(dataset.split("test").size()).isEqualTo(1);
        assertThat(dataset.report().notReadByLimit()).isEqualTo(6);
    }

    @Test
    void reportsProgressAndHonoursCancel() throws IOException {
        for (int i = 0; i < 5; i++) {
            writeGrey(root.resolve("happy/" + i + ".png"), i);
            writeGrey(root.resolve("sad/" + i + ".png"), i);
        }
        List<Double> fractions = new ArrayList<>();
        ImageFolderReader.read(root, ReadOptions.defaults(), (fraction, message) -> fractions.add(fraction));
        assertThat(fractions).isSortedAccordingTo(Double::compare).last().isEqualTo(1.0);

        CancellationToken cancelled = new CancellationToken();
        cancelled.cancel();
        assertThatThrownBy(() -> ImageFolderReader.read(root, ReadOptions.defaults(), cancelled))
                .isInstanceOf(CancelledException.class);
    }

    @Test
    void aFolderWithoutClassFoldersIsFatal() throws IOException {
        Files.writeString(root.resolve("readme.txt"), "no folders here");

        assertThatThrownBy(() -> read(ReadOptions.defaults()))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("no class folders");
    }

    private Dataset read(ReadOptions options) {
        return ImageFolderReader.read(root, options, ProgressReporter.NONE);
    }

    private static void writeGrey(Path file, int value) throws IOException {
        BufferedImage img = new BufferedImage(48, 48, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 48; x++) {
                img.getRaster().setSample(x, y, 0, value);
            }
        }
        write(img, "png", file);
    }

    private static void writeRgbJpeg(Path file, int rgb) throws IOException {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        write(img, "jpg", file);
    }

    private static void write(BufferedImage img, String format, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        if (!ImageIO.write(img, format, file.toFile())) {
            throw new IOException("no " + format + " writer");
        }
    }
}
