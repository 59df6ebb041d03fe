package org.ferstudio.testutil;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The team's shared folder ({@code ../shared} next to the project) holds FER2013, sample photos and
 * pretrained weights. It is never part of the product: tests that need it skip with a message when
 * it is absent.
 */
public final class SharedData {

    private SharedData() {
    }

    public static Path root() {
        String override = System.getProperty("fer.shared.dir");
        return override != null ? Path.of(override) : Path.of("..", "shared").toAbsolutePath().normalize();
    }

    /** {@code ../shared/data/fer2013.csv.gz}, or skips the calling test. */
    public static Path fer2013() {
        return require(root().resolve("data").resolve("fer2013.csv.gz"));
    }

    /** A file under {@code ../shared/photos}, or skips the calling test. */
    public static Path photo(String name) {
        return require(root().resolve("photos").resolve(name));
    }

    public static Path require(Path file) {
        assumeTrue(Files.isReadable(file),
                () -> "skipped: " + file + " is absent (the shared data folder ../shared is not next to the project)");
        return file;
    }
}
