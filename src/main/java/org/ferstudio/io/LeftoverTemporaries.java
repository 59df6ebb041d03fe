package org.ferstudio.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what an interrupted save left behind (killed, power cut): the hidden temporary files and folders
 * that {@link AtomicFiles} and the video outputs write beside their target, {@code .NAME.<16 hex>.tmp} (and
 * {@code .avi}), and the backup {@code .NAME.<16 hex>.old} of a replaced folder (a model). Only names of exactly
 * that pattern are touched, and only when untouched for {@link #MIN_AGE}, so a save running at the same time in
 * another FER Studio is never disturbed. A backup whose folder is missing (the save was killed between
 * its two renames) is renamed back instead: it is the only copy of the old folder.
 */
public final class LeftoverTemporaries {

    /** Longer than any save takes; a video run's annotated copy grows at every frame. */
    public static final Duration MIN_AGE = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(LeftoverTemporaries.class);
    private static final Pattern OURS = Pattern.compile("\\.(.+)\\.[0-9a-f]{16}\\.(tmp|old|avi)");
    private static final Set<Path> CLEANED = ConcurrentHashMap.newKeySet();

    private LeftoverTemporaries() {
    }

    /** Whether {@code name} is one of our temporary names. */
    static boolean isOurs(String name) {
        return OURS.matcher(name).matches();
    }

    /** {@link #removeIn} once per folder and run of the program: saves call it before every write. */
    public static void removeOnceIn(Path folder) {
        if (CLEANED.add(folder.toAbsolutePath().normalize())) {
            removeIn(folder, Instant.now().minus(MIN_AGE));
        }
    }

    /**
     * Removes our leftovers in {@code folder} last modified before {@code olderThan}; returns what was removed
     * or restored. Failures are logged, never thrown: cleaning up must not stop the save that asked for it.
     */
    public static List<Path> removeIn(Path folder, Instant olderThan) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> candidates;
        try (Stream<Path> entries = Files.list(folder)) {
            candidates = entries.filter(p -> isOurs(p.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            LOG.debug("cannot list {} for leftovers: {}", folder, e.toString());
            return List.of();
        }
        return candidates.stream().filter(p -> cleanUp(p, olderThan)).toList();
    }

    private static boolean cleanUp(Path leftover, Instant olderThan) {
        try {
            if (Files.getLastModifiedTime(leftover, LinkOption.NOFOLLOW_LINKS).toInstant().isAfter(olderThan)) {
                return false;
            }
            Matcher m = OURS.matcher(leftover.getFileName().toString());
            if (!m.matches()) {
                return false;
            }
            Path original = leftover.resolveSibling(m.group(1));
            if (m.group(2).equals("old") && !Files.exists(original, LinkOption.NOFOLLOW_LINKS)
                    && Files.isDirectory(leftover, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(leftover, original, StandardCopyOption.ATOMIC_MOVE);
                LOG.warn("restored {} from {}, left by a save that was interrupted", original, leftover.getFileName());
                return true;
            }
            if (Files.isDirectory(leftover, LinkOption.NOFOLLOW_LINKS)) {
                AtomicFiles.deleteTree(leftover);
            } else {
                Files.deleteIfExists(leftover);
            }
            LOG.info("removed {}, left by a save that was interrupted", leftover);
            return true;
        } catch (IOException e) {
            LOG.warn("could not remove {}, left by an interrupted save: {}", leftover, e.toString());
            return false;
        }
    }
}
