package org.ferstudio.app.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.ferstudio.model.ModelCard;
import org.ferstudio.store.AtomicFiles;
import org.ferstudio.store.Json;
import org.ferstudio.store.LoadedModel;
import org.ferstudio.store.ModelStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies a trained model folder to its final place under a new name, atomically: the copy is written
 * completely into a hidden folder beside the target and then swapped in, so the model picker never sees
 * a half-written model and a failed save leaves an existing model of that name as it was. The weights
 * are copied byte for byte (the card's checksum stays valid); only the card's name changes.
 */
final class ModelSaveAs {

    private static final Logger LOG = LoggerFactory.getLogger(ModelSaveAs.class);

    private ModelSaveAs() {
    }

    /**
     * Saves the model in {@code source} as {@code target} named {@code name}. The copy is loaded (which
     * checks the weights against the card) before it replaces anything.
     */
    static LoadedModel saveAs(Path source, Path target, String name) throws IOException {
        ModelCard card = ModelStore.readCard(source).withName(name);
        Path tmp = AtomicFiles.newDirectoryBeside(target);
        try {
            for (Path file : filesOf(source)) {
                if (!file.getFileName().toString().equals(ModelStore.CARD_FILE)) {
                    Files.copy(file, tmp.resolve(file.getFileName()));
                }
            }
            Json.write(tmp.resolve(ModelStore.CARD_FILE), card);
            LoadedModel checked = ModelStore.load(tmp);
            AtomicFiles.replaceDirectory(tmp, target);
            return new LoadedModel(target, checked.card(), checked.network());
        } catch (IOException | RuntimeException e) {
            deleteQuietly(tmp, e);
            throw e;
        }
    }

    private static List<Path> filesOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static void deleteQuietly(Path dir, Exception cause) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            cause.addSuppressed(e);
            LOG.warn("could not remove the unfinished copy {}", dir, e);
        }
    }
}
