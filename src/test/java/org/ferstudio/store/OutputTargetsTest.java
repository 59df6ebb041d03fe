package org.ferstudio.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputTargetsTest {

    @TempDir
    Path tmp;

    @Test
    void tellsWhatIsAtAModelOutput() throws IOException {
        assertThat(OutputTargets.inspect(tmp.resolve("new"))).isEqualTo(OutputTargets.Existing.NOTHING);
        assertThat(OutputTargets.inspect(Files.createDirectory(tmp.resolve("empty"))))
                .isEqualTo(OutputTargets.Existing.EMPTY_FOLDER);
        assertThat(OutputTargets.inspect(Files.writeString(tmp.resolve("file"), "x"))).isEqualTo(OutputTargets.Existing.FILE);
        Path other = Files.createDirectory(tmp.resolve("other"));
        Files.writeString(other.resolve("a.txt"), "x");
        assertThat(OutputTargets.inspect(other)).isEqualTo(OutputTargets.Existing.OTHER_FOLDER);
        Path model = Files.createDirectory(tmp.resolve("model"));
        Files.writeString(model.resolve(ModelStore.CARD_FILE), "{}");
        assertThat(OutputTargets.inspect(model)).isEqualTo(OutputTargets.Existing.MODEL);
    }

    @Test
    void neverTheCurrentFolderOrAnAncestor() {
        assertThatThrownBy(() -> OutputTargets.checkModelFolder(Path.of("."), true, ""))
                .isInstanceOf(OutputRefusedException.class).hasMessageContaining(". is the current folder");
        assertThatThrownBy(() -> OutputTargets.checkModelFolder(Path.of(".."), true, ""))
                .isInstanceOf(OutputRefusedException.class).hasMessageContaining("current folder's parent");
    }

    @Test
    void aFolderOfOtherFilesListsSomeOfThem() throws IOException {
        Path other = Files.createDirectory(tmp.resolve("other"));
        for (String name : new String[] {"e", "d", "c", "b", "a"}) {
            Files.writeString(other.resolve(name), name);
        }
        assertThatThrownBy(() -> OutputTargets.checkModelFolder(other, true, ""))
                .hasMessageContaining("(a, b, c and 2 more)");
    }

    @Test
    void aFileOutputMayNotBeAFolderNorReplaceWithoutSaySo() throws IOException {
        assertThatThrownBy(() -> OutputTargets.checkFile(tmp, true, "")).hasMessageContaining("is a folder");
        Path file = Files.writeString(tmp.resolve("f.json"), "x");
        assertThatThrownBy(() -> OutputTargets.checkFile(file, false, "say yes"))
                .hasMessage(file + " already exists; say yes");
        OutputTargets.checkFile(file, true, "");
        OutputTargets.checkFile(tmp.resolve("new.json"), false, "");
        assertThatThrownBy(() -> OutputTargets.checkFile(file.resolve("under.json"), true, ""))
                .hasMessageContaining(file + " is a file, not a folder");
    }

    @Test
    void knowsTheShippedModelsFolder() {
        assertThat(OutputTargets.isShipped(ModelLocator.shippedModels().resolve("fer-cnn3"))).isTrue();
        assertThat(OutputTargets.isShipped(tmp.resolve("fer-cnn3"))).isFalse();
    }
}
