package org.ferstudio.infer.video;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.ferstudio.io.LeftoverTemporaries;

/**
 * Outputs that grow during a video run (timeline, annotated video) are written under a hidden name beside
 * the target and renamed into place at the end, as {@code store.AtomicFiles} does for whole contents:
 * a failed or interrupted run never leaves a truncated file under the real name.
 */
final class StagedFiles {

    private StagedFiles() {
    }

    /**
     * A new hidden path beside {@code target} ending in {@code suffix} (".avi" lets OpenCV pick the container).
     * Random, so concurrent runs never collide; created by the caller, so it gets the usual permissions.
     */
    static Path besides(Path target, String suffix) throws IOException {
        Path file = target.toAbsolutePath().normalize();
        Files.createDirectories(file.getParent());
        LeftoverTemporaries.removeOnceIn(file.getParent());
        String random = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        return file.resolveSibling("." + file.getFileName() + "." + random + suffix);
    }

    static void moveIntoPlace(Path staged, Path target) throws IOException {
        try {
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
