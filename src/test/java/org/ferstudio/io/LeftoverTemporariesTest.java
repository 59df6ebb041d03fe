package org.ferstudio.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18 item 11: a save killed half-way left a hidden .NAME.hex.tmp folder that was never removed. */
class LeftoverTemporariesTest {

    private static final String HEX = "0123456789abcdef";

    @TempDir
    Path tmp;

    private Path old(Path p) throws IOException {
        Files.setLastModifiedTime(p, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        return p;
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void recognisesOnlyOurOwnNames() {
        assertThat(LeftoverTemporaries.isOurs(".model." + HEX + ".tmp")).isTrue();
        assertThat(LeftoverTemporaries.isOurs(".model.json." + HEX + ".tmp")).isTrue();
        assertThat(LeftoverTemporaries.isOurs(".model." + HEX + ".old")).isTrue();
        assertThat(LeftoverTemporaries.isOurs(".out.avi." + HEX + ".avi")).isTrue();
        assertThat(LeftoverTemporaries.isOurs("model." + HEX + ".tmp")).isFalse();
        assertThat(LeftoverTemporaries.isOurs(".model.0123.tmp")).isFalse();
        assertThat(LeftoverTemporaries.isOurs(".model." + HEX.toUpperCase() + ".tmp")).isFalse();
        assertThat(LeftoverTemporaries.isOurs(".model." + HEX + ".tmp.bak")).isFalse();
        assertThat(LeftoverTemporaries.isOurs(".model.tmp")).isFalse();
    }

    @Test
    void removesOldLeftoversAndNothingElse() throws IOException {
        Path folder = Files.createDirectory(tmp.resolve(".m." + HEX + ".tmp"));
        Files.write(folder.resolve("weights.params"), new byte[1000]);
        old(folder);
        old(Files.writeString(tmp.resolve(".report.json." + HEX + ".tmp"), "half"));
        Files.writeString(tmp.resolve(".recent." + HEX + ".tmp"), "a save running now");
        old(Files.writeString(tmp.resolve(".mine.tmp"), "the user's"));
        old(Files.writeString(tmp.resolve("notes." + HEX + ".tmp"), "the user's"));

        List<Path> removed = LeftoverTemporaries.removeIn(tmp, Instant.now().minus(LeftoverTemporaries.MIN_AGE));

        assertThat(removed).hasSize(2);
        assertThat(names()).containsExactly(".mine.tmp", ".recent." + HEX + ".tmp", "notes." + HEX + ".tmp");
    }

    @Test
    void aBackupWhoseModelIsMissingIsRestoredNotDeleted() throws IOException {
        Path backup = Files.createDirectory(tmp.resolve(".m." + HEX + ".old"));
        Files.writeString(backup.resolve("model.json"), "{\"name\":\"m\"}");
        old(backup);
        Path stale = Files.createDirectory(tmp.resolve(".kept." + HEX.replace('0', 'f') + ".old"));
        Files.writeString(stale.resolve("model.json"), "{}");
        old(stale);
        Files.createDirectory(tmp.resolve("kept"));

        LeftoverTemporaries.removeIn(tmp, Instant.now().minus(LeftoverTemporaries.MIN_AGE));

        assertThat(names()).containsExactly("kept", "m");
        assertThat(Files.readString(tmp.resolve("m").resolve("model.json"))).contains("\"m\"");
    }

    @Test
    void theNextSaveInTheFolderRemovesThem() throws IOException {
        Path leftover = Files.createDirectory(tmp.resolve(".model." + HEX + ".tmp"));
        Files.write(leftover.resolve("weights.params"), new byte[100]);
        old(leftover);

        AtomicFiles.writeString(tmp.resolve("other.json"), "{}");

        assertThat(names()).containsExactly("other.json");
    }
}
