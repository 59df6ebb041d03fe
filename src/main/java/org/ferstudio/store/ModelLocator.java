package org.ferstudio.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where models live: the ones shipped in the app's {@code models/} folder and the user's own in
 * {@code ~/.fer-studio/models}. The default model is named by the first line of {@code models/DEFAULT},
 * so shipping a better model changes a data file, not code.
 */
public final class ModelLocator {

    public static final String FALLBACK_DEFAULT = "fer-cnn3";

    private ModelLocator() {
    }

    /** The app's folder (set by the launcher as {@code fer.home}), else the working directory. */
    public static Path home() {
        return Path.of(System.getProperty("fer.home", ".")).toAbsolutePath().normalize();
    }

    public static Path shippedModels() {
        return home().resolve("models");
    }

    public static Path userModels() {
        return Path.of(System.getProperty("user.home"), ".fer-studio", "models");
    }

    public static Path defaultModel() {
        Path marker = shippedModels().resolve("DEFAULT");
        String name = FALLBACK_DEFAULT;
        try {
            if (Files.isRegularFile(marker)) {
                String first = Files.readAllLines(marker).stream().map(String::trim)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#")).findFirst().orElse(FALLBACK_DEFAULT);
                name = first;
            }
        } catch (IOException e) {
            name = FALLBACK_DEFAULT;
        }
        return shippedModels().resolve(name);
    }

    /** The given model folder, or the default one; fails with guidance when there is none. */
    public static Path resolve(Path explicit) throws ModelLoadException {
        Path dir = explicit != null ? explicit : defaultModel();
        if (!Files.isDirectory(dir)) {
            throw new ModelLoadException(explicit != null ? "no model folder at " + dir
                    : "no default model at " + dir + "; train one with './fer-studio train --data ../shared/data/"
                    + "fer2013.csv.gz --out " + dir + "' or pass --model DIR");
        }
        return dir;
    }

    /** Every folder holding a model card, shipped ones first, each list sorted by name. */
    public static List<Path> available() {
        List<Path> found = new ArrayList<>();
        for (Path root : List.of(shippedModels(), userModels())) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> dirs = Files.list(root)) {
                dirs.filter(d -> Files.isRegularFile(d.resolve(ModelStore.CARD_FILE))).sorted().forEach(found::add);
            } catch (IOException e) {
                // an unreadable models folder just offers no models
            }
        }
        return found;
    }
}
