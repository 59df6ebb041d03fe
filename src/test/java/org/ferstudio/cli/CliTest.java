package org.ferstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @TempDir
    Path tmp;

    private static String pixels(int n, int value) {
        return String.join(" ", java.util.Collections.nCopies(n, Integer.toString(value)));
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"train", "evaluate", "validate", "info", "benchmark"}) {
            CliRun r = CliRun.of(command, "--help");
            assertThat(r.exit()).as(command).isZero();
            assertThat(r.out()).as(command).contains("Usage: fer-studio " + command);
        }
    }

    @Test
    void validateReportsBadRowsWithLineNumbersAndExitCode() throws IOException {
        Path csv = tmp.resolve("small.csv");
        Files.writeString(csv, "emotion,pixels,Usage\n"
                + "3," + pixels(2304, 10) + ",Training\n"
                + "9," + pixels(2304, 10) + ",Training\n"
                + "2," + pixels(2303, 10) + ",PublicTest\n");
        CliRun r = CliRun.of("validate", "--data", csv.toString());
        assertThat(r.exit()).isEqualTo(ValidateCommand.EXIT_PROBLEMS);
        assertThat(r.out()).contains("line 3").contains("line 4").contains("2303");
    }

    @Test
    void strictValidationFailsOnTheFirstBadRow() throws IOException {
        Path csv = tmp.resolve("small.csv");
        Files.writeString(csv, "emotion,pixels\n" + "3," + pixels(2304, 10) + "\n" + "1," + pixels(2304, 300) + "\n");
        CliRun r = CliRun.of("validate", "--strict", "--data", csv.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("error:").contains("line 3").contains("300");
    }

    @Test
    void missingInputsAreNamed() {
        CliRun r = CliRun.of("validate", "--data", tmp.resolve("absent.csv").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("absent.csv");

        CliRun info = CliRun.of("info", "--model", tmp.resolve("no-model").toString());
        assertThat(info.exit()).isEqualTo(1);
        assertThat(info.err()).contains("no model folder").contains("no-model");
    }

    @Test
    void badOptionValuesAreRejectedWithUsage() {
        CliRun r = CliRun.of("train", "--data", "x.csv", "--out", tmp.toString(), "--batch", "many");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--batch").contains("many");
    }
}
