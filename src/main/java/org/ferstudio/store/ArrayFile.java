package org.ferstudio.store;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.ferstudio.io.AtomicFiles;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A flat float vector on disk: 8 magic bytes, the value count (int64, little-endian), the values
 * (float32, little-endian). Deliberately trivial: a model file from a stranger is only numbers, never
 * code (no Java object deserialization), and the size is checked against the header before anything is
 * allocated, so a truncated or foreign file gives a clear message instead of garbage.
 */
public final class ArrayFile {

    private static final byte[] MAGIC = "FERSARR1".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = MAGIC.length + Long.BYTES;
    private static final int CHUNK = 1 << 16;

    private ArrayFile() {
    }

    /** Writes atomically (temp file, then move). */
    /** The values of {@code array} as a new float array, in the order they are saved (parameters, updater state). */
    public static float[] toFloats(INDArray array) {
        return array.castTo(DataType.FLOAT).dup().data().asFloat();
    }

    public static void write(Path file, float[] values) throws IOException {
        AtomicFiles.write(file, out -> {
            DataOutputStream header = new DataOutputStream(out);
            header.write(MAGIC);
            header.writeLong(Long.reverseBytes(values.length));
            header.flush();
            ByteBuffer buf = ByteBuffer.allocate(CHUNK * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < values.length; i += CHUNK) {
                int n = Math.min(CHUNK, values.length - i);
                buf.clear();
                buf.asFloatBuffer().put(values, i, n);
                out.write(buf.array(), 0, n * Float.BYTES);
            }
        });
    }

    /** Reads a file written by {@link #write}; fails with a message naming the file when it is not one. */
    public static float[] read(Path file) throws IOException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new IOException("missing file: " + file, e);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, header, file);
            byte[] magic = Arrays.copyOf(header.array(), MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IOException(file + " is not a FER Studio array file (wrong header)");
            }
            long count = header.getLong(MAGIC.length);
            long expected = HEADER + count * Float.BYTES;
            if (count < 0 || count > Integer.MAX_VALUE - 8 || size != expected) {
                throw new IOException(file + " is truncated or damaged: " + size + " bytes, header says "
                        + (count < 0 ? "a negative count" : expected + " bytes"));
            }
            float[] values = new float[(int) count];
            ByteBuffer buf = ByteBuffer.allocate(CHUNK * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < values.length; i += CHUNK) {
                int n = Math.min(CHUNK, values.length - i);
                buf.clear().limit(n * Float.BYTES);
                readFully(ch, buf, file);
                buf.flip();
                buf.asFloatBuffer().get(values, i, n);
            }
            return values;
        }
    }

    /** True when the stream starts with this format's magic bytes. */
    public static boolean hasMagic(InputStream in) throws IOException {
        return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, Path file) throws IOException {
        while (buf.hasRemaining()) {
            if (ch.read(buf) < 0) {
                throw new IOException(file + " is truncated");
            }
        }
    }
}
