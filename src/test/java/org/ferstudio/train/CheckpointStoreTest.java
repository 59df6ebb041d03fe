package org.ferstudio.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ferstudio.nets.FerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/** Issue 18 item 17: a full disk during training left an empty checkpoint folder behind. */
class CheckpointStoreTest {

    @TempDir
    Path tmp;

    /** A network whose weights save but whose optimiser state cannot be written, as when the disk fills up. */
    private static FerNetwork failingAfterTheWeights() {
        return (FerNetwork) Proxy.newProxyInstance(FerNetwork.class.getClassLoader(), new Class<?>[] {FerNetwork.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "params" -> Nd4j.createFromArray(new float[] {1, 2, 3}).reshape(1, 3);
                    case "updaterState" -> throw new UncheckedIOException(new IOException("No space left on device"));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static CheckpointState epoch(int n) {
        return new CheckpointState(CheckpointStore.FORMAT_VERSION, TrainingConfig.defaults(), List.of("a", "b"), "fp",
                n, 10 * n, 1e-3, 0.5, 0, n, 0.5, 0, 1.0, null, null, List.of());
    }

    @Test
    void aFirstCheckpointThatFailsLeavesNoFolder() {
        Path dir = tmp.resolve("run.checkpoints");
        assertThatThrownBy(() -> new CheckpointStore(dir).save(epoch(1), failingAfterTheWeights(), true))
                .hasMessageContaining("No space left on device");
        assertThat(dir).doesNotExist();
    }

    @Test
    void aLaterFailureKeepsTheCheckpointsThatAreThere() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("run.checkpoints"));
        Path earlier = Files.writeString(dir.resolve("note.txt"), "kept");
        assertThatThrownBy(() -> new CheckpointStore(dir).save(epoch(2), failingAfterTheWeights(), false))
                .hasMessageContaining("No space left on device");
        assertThat(earlier).hasContent("kept");
    }
}
