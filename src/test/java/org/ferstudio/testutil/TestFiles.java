package org.ferstudio.testutil;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** File damage for tests of what happens when a file on disk is cut short. */
public final class TestFiles {

    private TestFiles() {
    }

    /** Cuts {@code file} to the first half of its bytes, as an interrupted copy or a full disk would. */
    public static void truncateToHalf(Path file) throws IOException {
        long half = Files.size(file) / 2;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(half);
        }
    }
}
