package org.ferstudio.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The rule every writer follows: nothing FER Studio did not make is deleted or replaced. A model is saved
 * into a folder that is missing, empty, or already a model folder (it has a {@link ModelStore#CARD_FILE});
 * replacing a model, or any existing file, needs the user's say-so ({@code --force} on the command line, a
 * confirmation in the app); a file that is not a model, or a folder of other files, is never replaced.
 * The checks run before any work, so a refused output costs nothing.
 */
public final class OutputTargets {

    /** What is at a model output path. */
    public enum Existing {
        /** nothing there: the model is created */
        NOTHING,
        /** an empty folder */
        EMPTY_FOLDER,
        /** a FER Studio model folder (it has a card) */
        MODEL,
        /** a file (or anything else that is not a folder) */
        FILE,
        /** a folder holding files that are not a model */
        OTHER_FOLDER
    }

    private static final int NAMES_SHOWN = 3;

    private OutputTargets() {
    }

    /** What is at {@code dir}, judged without following a final symbolic link into somewhere else. */
    public static Existing inspect(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return Existing.NOTHING;
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return Existing.FILE;
        }
        if (Files.isRegularFile(dir.resolve(ModelStore.CARD_FILE))) {
            return Existing.MODEL;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isPresent() ? Existing.OTHER_FOLDER : Existing.EMPTY_FOLDER;
        }
    }

    /**
     * Checks that a model may be saved as {@code dir}; throws {@link OutputRefusedException} saying why not.
     *
     * @param replace     whether the user agreed to replace a model already there
     * @param replaceHint how to agree, for the message ("add --force to replace it")
     */
    public static void checkModelFolder(Path dir, boolean replace, String replaceHint) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath().normalize();
        if (cwd.startsWith(absolute)) {
            throw new OutputRefusedException(dir + " is the current folder" + (cwd.equals(absolute) ? "" : "'s parent")
                    + "; a model is saved as a folder of its own: name a new one, such as " + Path.of("my-model"));
        }
        switch (inspect(dir)) {
            case NOTHING, EMPTY_FOLDER -> {
            }
            case FILE -> throw new OutputRefusedException(dir + " is a file, not a folder: a model is saved as a "
                    + "folder, and FER Studio does not replace files it did not make; name a new folder");
            case OTHER_FOLDER -> throw new OutputRefusedException(dir + " holds files that are not a FER Studio model ("
                    + someNames(dir) + "); FER Studio does not replace what it did not make: name a new or empty folder");
            case MODEL -> {
                if (!replace) {
                    throw new OutputRefusedException(dir + " already holds the model '" + modelName(dir) + "'"
                            + (isShipped(dir) ? ", in the models folder shipped with FER Studio" : "") + "; "
                            + replaceHint);
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    /**
     * Checks that {@code file} may be written: it must not be a folder, and an existing file is replaced only
     * when {@code replace} is true.
     */
    public static void checkFile(Path file, boolean replace, String replaceHint) throws IOException {
        if (Files.isDirectory(file)) {
            throw new OutputRefusedException(file + " is a folder; name a file to write");
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !replace) {
            throw new OutputRefusedException(file + " already exists; " + replaceHint);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && Files.exists(parent) && !Files.isDirectory(parent)) {
            throw new OutputRefusedException(file + " cannot be written: " + parent + " is a file, not a folder");
        }
    }

    /**
     * Checks that {@code dir} can take files: missing (it is created) or a folder. Files already in it are
     * left alone; each file written there is checked with {@link #checkFile}.
     */
    public static void checkFolderForFiles(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new OutputRefusedException(dir + " is a file, not a folder; name a folder to write the files into "
                    + "(it is created if missing)");
        }
    }

    /** Whether {@code dir} lies in the app's own {@code models/} folder (shipped models and the default). */
    public static boolean isShipped(Path dir) {
        return real(dir).startsWith(real(ModelLocator.shippedModels()));
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private static String modelName(Path dir) {
        try {
            return ModelStore.readCard(dir).name();
        } catch (ModelLoadException e) {
            return dir.getFileName().toString();
        }
    }

    private static String someNames(Path dir) throws IOException {
        List<String> names;
        long count;
        try (Stream<Path> entries = Files.list(dir)) {
            List<String> all = entries.map(p -> p.getFileName().toString()).sorted().toList();
            count = all.size();
            names = all.subList(0, (int) Math.min(NAMES_SHOWN, count));
        }
        return String.join(", ", names) + (count > NAMES_SHOWN ? " and " + (count - NAMES_SHOWN) + " more" : "");
    }
}
