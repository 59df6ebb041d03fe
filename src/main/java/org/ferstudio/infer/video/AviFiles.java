package org.ferstudio.infer.video;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Tells an AVI file from something else named .avi, by its first bytes, so messages can say which it is. */
public final class AviFiles {

    private AviFiles() {
    }

    /** True when the file starts as an AVI does: "RIFF", a length, "AVI "; false too when it cannot be read. */
    public static boolean looksLikeAvi(Path file) {
        byte[] head = new byte[12];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            return n == head.length && new String(head, 0, 4, StandardCharsets.US_ASCII).equals("RIFF")
                    && new String(head, 8, 4, StandardCharsets.US_ASCII).equals("AVI ");
        } catch (IOException e) {
            return false;
        }
    }
}
