package org.ferstudio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code scripts/bad-input.sh}: every case file in {@code scripts/bad-input.d} tries bad input against the
 * real command line, in fresh JVMs started with this test's Java and class path, and checks the message, the
 * exit code and that nothing of the user's was lost (issue 18). The cases and answers are in docs/RELIABILITY.md.
 */
class BadInputScriptTest {

    /** A guard against a hung case, not a speed test: the script takes well under a minute on a quiet machine. */
    private static final long LIMIT_MINUTES = 10;

    @Test
    void everyBadInputGetsItsAnswerAndNothingIsLost() throws IOException, InterruptedException {
        assumeTrue(!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win"),
                "the bad-input script needs bash; skipped on Windows");
        Path home = Path.of("").toAbsolutePath();
        Path script = home.resolve("scripts/bad-input.sh");
        assertThat(script).isRegularFile();
        String classPath = System.getProperty("java.class.path");
        assumeTrue(!classPath.contains(" "), "the class path has blanks, which FER_CMD cannot carry: " + classPath);

        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).directory(home.toFile())
                .redirectErrorStream(true);
        pb.environment().put("FER_CMD", ferCommand(home, classPath));
        pb.environment().put("FER_HOME", home.toString());
        Path log = Files.createTempFile("bad-input", ".log");
        pb.redirectOutput(log.toFile());
        Process process = pb.start();
        boolean finished = process.waitFor(LIMIT_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);

        assertThat(finished).as("the script ended within %d minutes:%n%s", LIMIT_MINUTES, output).isTrue();
        assertThat(output).as(output).doesNotContain("FAIL ").contains("bad-input: ");
        assertThat(process.exitValue()).as(output).isZero();
    }

    /** The launcher's JVM flags (see ./fer-studio) on this JVM and class path, plus a quicker start. */
    private static String ferCommand(Path home, String classPath) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return String.join(" ", List.of(java.toString(), "-Xmx1g", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dorg.bytedeco.javacpp.maxbytes=6G", "-Dorg.bytedeco.javacpp.maxphysicalbytes=10G",
                "-Dorg.eclipse.deeplearning4j.helpers.disable=false", "-Djava.awt.headless=true",
                "-Dfer.home=" + home, "-cp", classPath, Launcher.class.getName()));
    }
}
