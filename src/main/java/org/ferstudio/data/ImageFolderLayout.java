package org.ferstudio.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.ferstudio.model.ClassLabels;

/**
 * The class folders of an image dataset, in sorted order: {@code root/<split>/<class>/} when every folder
 * under the root has sub-folders (e.g. FER2013 copies with train/ and test/), else {@code root/<class>/}
 * with the single split "all".
 */
record ImageFolderLayout(Path root, boolean hasSplits, List<ClassFolder> classFolders) {

    /** One folder of images of one class in one split. */
    record ClassFolder(String split, String className, Path dir) {
    }

    /** @throws DatasetFormatException when the root has no sub-folders or cannot be listed */
    static ImageFolderLayout scan(Path root) {
        List<Path> top = subfolders(root);
        if (top.isEmpty()) {
            throw new DatasetFormatException(new DataProblem(root.toString(), "file",
                    "no class folders found; expected <folder>/<class>/*.png or <folder>/<split>/<class>/*.png"));
        }
        boolean hasSplits = top.stream().allMatch(dir -> !subfolders(dir).isEmpty());
        List<ClassFolder> folders = new ArrayList<>();
        for (Path dir : top) {
            if (hasSplits) {
                for (Path classDir : subfolders(dir)) {
                    folders.add(new ClassFolder(name(dir), name(classDir), classDir));
                }
            } else {
                folders.add(new ClassFolder(Dataset.ALL, name(dir), dir));
            }
        }
        return new ImageFolderLayout(root, hasSplits, List.copyOf(folders));
    }

    /**
     * FER2013's order when every class folder is a FER2013 class (any case, as copies use "angry" or
     * "Angry"), so a model trained on a folder copy matches one trained on the CSV; else the names sorted.
     */
    ClassLabels defaultLabels() {
        List<String> names = new ArrayList<>();
        for (ClassFolder folder : classFolders) {
            if (names.stream().noneMatch(n -> n.equalsIgnoreCase(folder.className()))) {
                names.add(folder.className());
            }
        }
        if (names.stream().allMatch(n -> ClassLabels.FER2013.indexOf(n).isPresent())) {
            return ClassLabels.FER2013;
        }
        if (names.size() < 2) {
            throw new DatasetFormatException(new DataProblem(root.toString(), "label",
                    "found only the class folder(s) " + names + "; at least two classes are needed"));
        }
        names.sort(Comparator.naturalOrder());
        return new ClassLabels(names);
    }

    /** Regular, non-hidden entries of a folder sorted by name, so every run reads the same order. */
    static List<Path> entries(Path dir) {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.filter(p -> !name(p).startsWith(".")).sorted(Comparator.comparing(ImageFolderLayout::name))
                    .toList();
        } catch (IOException e) {
            throw new DatasetFormatException(new DataProblem(dir.toString(), "file", "cannot list the folder: " + e), e);
        }
    }

    static String name(Path path) {
        return path.getFileName().toString();
    }

    private static List<Path> subfolders(Path dir) {
        return entries(dir).stream().filter(Files::isDirectory).toList();
    }
}
