package org.ferstudio.app.webcam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The threads a webcam run starts (the live loop's two, and the release at close), for leak checks. */
final class VideoThreads {

    private static final Set<String> NAMES = Set.of("video-capture", "video-processing", "webcam-release");

    private VideoThreads() {
    }

    static List<String> alive() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(NAMES::contains).toList();
    }

    /** Waits up to {@code timeout} for every video thread to end, and fails if one is still running. */
    static void assertNoneLeft(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!alive().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(alive()).as("video threads still running").isEmpty();
    }
}
