package org.ferstudio.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArrayFileTest {

    @TempDir
    Path tmp;

    @Test
    void roundTripsExactly() throws IOException {
        float[] values = new float[200_003];
        Random rng = new Random(1);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) rng.nextGaussian();
        }
        values[7] = Float.MIN_VALUE;
        values[8] = -0.0f;
        Path f = tmp.resolve("a.params");
        ArrayFile.write(f, values);
        assertThat(ArrayFile.read(f)).isEqualTo(values);
        assertThat(Files.size(f)).isEqualTo(16 + 4L * values.length);
    }

    @Test
    void emptyArray() throws IOException {
        Path f = tmp.resolve("e.params");
        ArrayFile.write(f, new float[0]);
        assertThat(ArrayFile.read(f)).isEmpty();
    }

    @Test
    void rejectsForeignTruncatedAndMissingFiles() throws IOException {
        Path foreign = tmp.resolve("foreign");
        Files.writeString(foreign, "hello world, not numbers");
        assertThatThrownBy(() -> ArrayFile.read(foreign)).hasMessageContaining("not a FER Studio array file");

        Path f = tmp.resolve("t.params");
        ArrayFile.write(f, new float[100]);
        byte[] b = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(b, b.length - 3));
        assertThatThrownBy(() -> ArrayFile.read(f)).hasMessageContaining("truncated or damaged");

        Path tiny = tmp.resolve("tiny");
        Files.write(tiny, new byte[] {1, 2});
        assertThatThrownBy(() -> ArrayFile.read(tiny)).hasMessageContaining("truncated");

        assertThatThrownBy(() -> ArrayFile.read(tmp.resolve("none"))).hasMessageContaining("missing file");
    }

    @Test
    void hugeCountInHeaderDoesNotAllocate() throws IOException {
        Path f = tmp.resolve("big.params");
        ArrayFile.write(f, new float[4]);
        byte[] b = Files.readAllBytes(f);
        b[8 + 6] = 0x7f; // count becomes enormous
        Files.write(f, b);
        assertThatThrownBy(() -> ArrayFile.read(f)).hasMessageContaining("truncated or damaged");
    }
}
