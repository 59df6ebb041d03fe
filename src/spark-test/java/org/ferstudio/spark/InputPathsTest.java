package org.ferstudio.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.ferstudio.vision.DetectorChoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The Spark {@code predict}'s options: {@code --input} takes one path per occurrence and never splits it (commas are
 * legal in file names and in Hadoop globs, {@code {a,b}}); detector and levelling as in {@code predict}. No Spark
 * session: the command line is parsed and the driver's listing runs on the local file system.
 */
class InputPathsTest {

    @TempDir
    Path dir;

    @Test
    void eachInputIsOnePathWithItsCommasAndTheOptionRepeats() {
        CommandLine.ParseResult parsed = SparkMain.commandLine().parseArgs("predict", "--input", "/photos/smile, frown.jpg",
                "--input", "hdfs:///in/{2024,2025}/*.jpg", "--input", "/videos", "--output", "out");
        PredictJobCommand job = parsed.subcommand().commandSpec().commandLine().getCommand();

        assertThat(job.inputs).containsExactly("/photos/smile, frown.jpg", "hdfs:///in/{2024,2025}/*.jpg", "/videos");
    }

    @Test
    void theDetectorAndLevellingDefaultAsInPredictAndCanBeChosen() {
        PredictJobCommand defaults = SparkMain.commandLine().parseArgs("predict", "--input", "in", "--output", "out")
                .subcommand().commandSpec().commandLine().getCommand();
        PredictJobCommand chosen = SparkMain.commandLine().parseArgs("predict", "--input", "in", "--output", "out",
                "--detector", "haar", "--align", "on").subcommand().commandSpec().commandLine().getCommand();

        assertThat(defaults.detector).isEqualTo(DetectorChoice.YUNET);
        assertThat(defaults.align).isFalse();
        assertThat(chosen.detector).isEqualTo(DetectorChoice.HAAR);
        assertThat(chosen.align).isTrue();
    }

    @Test
    void aFileNameWithACommaIsListedWhole() throws IOException {
        Path comma = Files.write(dir.resolve("smile, frown.jpg"), new byte[] {1});
        Files.write(dir.resolve("other.jpg"), new byte[] {1});

        List<String> listed = new InputFiles(new Configuration()).list(List.of(comma.toString()));

        assertThat(listed).hasSize(1);
        assertThat(name(listed.get(0))).isEqualTo("smile, frown.jpg");
    }

    @Test
    void aFolderHoldingCommaNamesListsThem() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("a,b"));
        Files.write(folder.resolve("x,y.png"), new byte[] {1});

        List<String> listed = new InputFiles(new Configuration()).list(List.of(folder.toString()));

        assertThat(listed).singleElement().satisfies(f -> assertThat(f).endsWith("/a,b/x,y.png"));
    }

    @Test
    void aBraceGlobMatchesEachAlternative() throws IOException {
        for (String year : List.of("2024", "2025", "2026")) {
            Files.write(Files.createDirectories(dir.resolve(year)).resolve(year + ".jpg"), new byte[] {1});
        }

        List<String> listed = new InputFiles(new Configuration()).list(List.of(dir + "/{2024,2025}/*.jpg"));

        assertThat(listed).extracting(InputPathsTest::name).containsExactly("2024.jpg", "2025.jpg");
    }

    @Test
    void aPathThatMatchesNothingIsNamedWhole() {
        String missing = dir + "/no, such.jpg";

        assertThatThrownBy(() -> new InputFiles(new Configuration()).list(List.of(missing)))
                .isInstanceOf(FileNotFoundException.class).hasMessage("no such file or folder: " + missing);
    }

    private static String name(String file) {
        return file.substring(file.lastIndexOf('/') + 1);
    }
}
