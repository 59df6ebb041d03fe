package org.ferstudio.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesANewFileAndReplacesAnOldOne() throws IOException {
        Path file = dir.resolve("sub").resolve("model.json");

        AtomicFiles.writeString(file, "first");
        AtomicFiles.writeString(file, "second");

        assertThat(file).hasContent("second");
        assertThat(namesIn(file.getParent())).containsExactly("model.json");
    }

    @Test
    void writerMayCloseTheStream() throws IOException {
        Path file = dir.resolve("data.bin");

        AtomicFiles.write(file, out -> {
            out.write("abc".getBytes(StandardCharsets.US_ASCII));
            out.close();
        });

        assertThat(file).hasContent("abc");
    }

    @Test
    void aFailingWriterLeavesTheOldContentAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("model.json");
        AtomicFiles.writeString(file, "old");

        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        })).isInstanceOf(IOException.class)
                .hasMessage("could not write " + file + ": No space left on device");

        assertThat(file).hasContent("old");
        assertThat(namesIn(dir)).containsExactly("model.json");
    }

    @Test
    void aWriterThrowingARuntimeExceptionLeavesNothingBehindEither() {
        Path file = dir.resolve("new.json");

        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write(1);
            throw new IllegalStateException("bug in writer");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(namesIn(dir)).isEmpty();
    }

    @Test
    void swapsInANewFolderAndDeletesTheOldOne() throws IOException {
        Path model = dir.resolve("my-model");
        writeFolder(model, "old");
        Path fresh = AtomicFiles.newDirectoryBeside(model);
        writeFolder(fresh, "new");

        AtomicFiles.replaceDirectory(fresh, model);

        assertThat(model.resolve("model.json")).hasContent("new");
        assertThat(model.resolve("nested").resolve("weights.bin")).hasContent("new");
        assertThat(namesIn(dir)).containsExactly("my-model");
    }

    @Test
    void movesInAFolderWhenThereWasNoneBefore() throws IOException {
        Path model = dir.resolve("my-model");
        Path fresh = AtomicFiles.newDirectoryBeside(model);
        writeFolder(fresh, "new");

        AtomicFiles.replaceDirectory(fresh, model);

        assertThat(model.resolve("model.json")).hasContent("new");
        assertThat(namesIn(dir)).containsExactly("my-model");
    }

    @Test
    void restoresTheOldFolderWhenTheSwapFails() throws IOException {
        Path model = dir.resolve("my-model");
        writeFolder(model, "old");
        Path fresh = AtomicFiles.newDirectoryBeside(model);
        writeFolder(fresh, "new");
        AtomicFiles.Mover failsOnNewFolder = (source, target) -> {
            if (source.equals(fresh)) {
                throw new IOException("device busy");
            }
            Files.move(source, target);
        };

        assertThatThrownBy(() -> AtomicFiles.replaceDirectory(fresh, model, failsOnNewFolder))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("could not replace " + model)
                .hasMessageContaining("device busy")
                .hasMessageContaining("the old folder was kept");

        assertThat(model.resolve("model.json")).hasContent("old");
        assertThat(fresh.resolve("model.json")).hasContent("new");
        assertThat(namesIn(dir)).containsExactlyInAnyOrder("my-model", fresh.getFileName().toString());
    }

    @Test
    void theNewFolderMustBeBesideTheTarget() throws IOException {
        Path elsewhere = Files.createDirectories(dir.resolve("a").resolve("new"));
        assertThatThrownBy(() -> AtomicFiles.replaceDirectory(elsewhere, dir.resolve("model")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("beside");
    }

    @Test
    void aFileWhereAFolderIsNeededIsNamedWithTheReason() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "mine");
        Path target = file.resolve("report.json");
        assertThatThrownBy(() -> AtomicFiles.writeString(target, "{}"))
                .hasMessage("could not write " + target + ": " + file + ": is a file, not a folder");
        assertThat(file).hasContent("mine");
    }

    private static void writeFolder(Path folder, String content) throws IOException {
        Files.createDirectories(folder.resolve("nested"));
        Files.writeString(folder.resolve("model.json"), content);
        Files.writeString(folder.resolve("nested").resolve("weights.bin"), content);
    }

    private static List<String> namesIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
