package org.ferstudio.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.StringJoiner;
import java.util.zip.GZIPOutputStream;
import org.ferstudio.face.FaceTranslator;

/** Builds small FER2013-style CSV files for reader tests. */
final class TestCsv {

    static final String HEADER = "emotion,pixels,Usage";

    private TestCsv() {
    }

    /** 2304 space-separated values; value i is (i * step + offset) mod 256, so images are distinguishable. */
    static String pixels(int offset, int step) {
        return pixels(FaceTranslator.PIXELS, offset, step);
    }

    static String pixels(int count, int offset, int step) {
        StringJoiner joiner = new StringJoiner(" ");
        for (int i = 0; i < count; i++) {
            joiner.add(String.valueOf(expected(i, offset, step) & 0xFF));
        }
        return joiner.toString();
    }

    /** The image {@link #pixels(int, int)} describes, as bytes. */
    static byte[] image(int offset, int step) {
        byte[] grey = new byte[FaceTranslator.PIXELS];
        for (int i = 0; i < grey.length; i++) {
            grey[i] = expected(i, offset, step);
        }
        return grey;
    }

    /** Pixels with one value replaced, e.g. an out-of-range or non-numeric token at {@code index}. */
    static String pixelsWith(int index, String token) {
        String[] values = pixels(0, 1).split(" ");
        values[index] = token;
        return String.join(" ", values);
    }

    static String row(Object emotion, String pixels, String usage) {
        return emotion + "," + pixels + "," + usage;
    }

    static Path write(Path dir, String name, List<String> lines) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    static Path writeGzip(Path dir, String name, List<String> lines) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private static byte expected(int i, int offset, int step) {
        return (byte) ((i * step + offset) % 256);
    }
}
