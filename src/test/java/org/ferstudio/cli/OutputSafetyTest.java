package org.ferstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.ferstudio.model.SampleCards;
import org.ferstudio.nets.Architectures;
import org.ferstudio.nets.NetworkSpec;
import org.ferstudio.store.ModelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 18: nothing of the user's is deleted or replaced by an output option, and a failed write of the
 * results ends with the reason and a non-zero exit. The refusals come before any work, so these runs are quick.
 */
class OutputSafetyTest {

    @TempDir
    Path tmp;

    private Path folderWithUserFile() throws IOException {
        Path d = Files.createDirectories(tmp.resolve("d"));
        Files.writeString(d.resolve("a.txt"), "x\n");
        return d;
    }

    @Test
    void trainDoesNotEmptyAFolderOfOtherFiles() throws IOException {
        Path d = folderWithUserFile();
        CliRun r = CliRun.of("train", "--data", tmp.resolve("small.csv").toString(), "--epochs", "1", "--out", d.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(d + " holds files that are not a FER Studio model (a.txt)");
        assertThat(Files.readString(d.resolve("a.txt"))).isEqualTo("x\n");
        try (var files = Files.list(tmp)) {
            assertThat(files).containsExactly(d);
        }
    }

    @Test
    void trainDoesNotReplaceAFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("somefile"), "mine");
        CliRun r = CliRun.of("train", "--data", tmp.resolve("small.csv").toString(), "--out", file.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(file + " is a file, not a folder");
        assertThat(Files.readString(file)).isEqualTo("mine");
    }

    @Test
    void ensembleDoesNotEmptyAFolderOfOtherFiles() throws IOException {
        Path d = folderWithUserFile();
        CliRun r = CliRun.of("ensemble", "--member", "a", "--member", "b", "--data", "x.csv", "--out", d.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("not a FER Studio model (a.txt)");
        assertThat(Files.readString(d.resolve("a.txt"))).isEqualTo("x\n");
    }

    @Test
    void replacingAModelNeedsForce() throws IOException {
        Path model = tmp.resolve("model");
        ModelStore.save(model, Architectures.byId("cnn3").build(NetworkSpec.forInference(7)), SampleCards.complete());
        byte[] card = Files.readAllBytes(model.resolve(ModelStore.CARD_FILE));
        Path data = tmp.resolve("absent.csv");

        CliRun refused = CliRun.of("train", "--data", data.toString(), "--out", model.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("already holds the model '" + SampleCards.complete().name() + "'")
                .contains("add --force to replace it");

        CliRun forced = CliRun.of("train", "--data", data.toString(), "--out", model.toString(), "--force");
        assertThat(forced.exit()).isEqualTo(1);
        assertThat(forced.err()).as("gets past the check to the data").contains("absent.csv")
                .doesNotContain("--force");
        assertThat(Files.readAllBytes(model.resolve(ModelStore.CARD_FILE))).isEqualTo(card);
    }

    @Test
    void checkpointsGoOnlyIntoAFolderOfTheirOwn() throws IOException {
        Path d = folderWithUserFile();
        CliRun r = CliRun.of("train", "--data", tmp.resolve("small.csv").toString(), "--out", tmp.resolve("m").toString(),
                "--checkpoints", d.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("--checkpoints " + d + " holds files that are not a training run's");
        assertThat(Files.readString(d.resolve("a.txt"))).isEqualTo("x\n");
    }

    @Test
    void fileOutputsAreNotReplacedWithoutForce() throws IOException {
        Path existing = Files.writeString(tmp.resolve("report.json"), "mine");
        String[][] runs = {
                {"evaluate", "--model", tmp.resolve("m").toString(), "--data", "x.csv", "--json", existing.toString()},
                {"evaluate", "--model", tmp.resolve("m").toString(), "--data", "x.csv", "--confusion-png", existing.toString()},
                {"curves", "--checkpoints", tmp.toString(), "--out", existing.toString()},
                {"video", "clip.avi", "--timeline", existing.toString()},
        };
        for (String[] args : runs) {
            CliRun r = CliRun.of(args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(1);
            assertThat(r.err()).as(String.join(" ", args)).contains(existing + " already exists; add --force");
        }
        assertThat(Files.readString(existing)).isEqualTo("mine");

        CliRun forced = CliRun.of("curves", "--checkpoints", tmp.toString(), "--out", existing.toString(), "--force");
        assertThat(forced.err()).as("gets past the check").contains("no training state in " + tmp);
    }

    @Test
    void annotateIntoAFileSaysWhy() throws IOException {
        Path file = Files.writeString(tmp.resolve("out"), "mine");
        CliRun r = CliRun.of("predict", "--annotate", file.toString(), photo("p.png").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(file + " is a file, not a folder");
        assertThat(Files.readString(file)).isEqualTo("mine");
    }

    @Test
    void annotatedCopiesAlreadyThereAreNotReplacedWithoutForce() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path mine = Files.writeString(out.resolve("p.annotated.png"), "mine");
        CliRun r = CliRun.of("predict", "--annotate", out.toString(), photo("p.png").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(out + " already holds p.annotated.png; add --force");
        assertThat(Files.readString(mine)).isEqualTo("mine");
    }

    @Test
    void resultsThatCannotBeWrittenToStandardOutputFailWithTheReason() throws IOException {
        Path model = tmp.resolve("model");
        ModelStore.save(model, Architectures.byId("cnn3").build(NetworkSpec.forInference(7)), SampleCards.complete());
        Path out = tmp.resolve("annotated");
        StringWriter err = new StringWriter();
        CommandLine cmd = Cli.commandLine(new FullDisk());
        cmd.setErr(new PrintWriter(err));

        int exit = cmd.execute("predict", "--json", "--model", model.toString(), "--annotate", out.toString(),
                photo("p.png").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("error: could not write the results to standard output: "
                + "No space left on device");
        assertThat(out.resolve("p.annotated.png")).as("the other outputs are still written").isRegularFile();
    }

    @Test
    void helpThatCannotBeWrittenFailsToo() {
        StringWriter err = new StringWriter();
        CommandLine cmd = Cli.commandLine(new FullDisk());
        cmd.setErr(new PrintWriter(err));
        assertThat(cmd.execute("validate", "--help")).isEqualTo(1);
        assertThat(err.toString()).contains("No space left on device");
    }

    private Path photo(String name) throws IOException {
        BufferedImage image = new BufferedImage(120, 90, BufferedImage.TYPE_INT_RGB);
        Random rng = new Random(1);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, rng.nextInt(0x1000000));
            }
        }
        Path file = tmp.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    /** What {@code /dev/full} does: every write fails. */
    private static final class FullDisk extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("No space left on device");
        }
    }
}
