package org.ferstudio.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ferstudio.model.ClassLabels;

/**
 * Class names given by the user, as a labels file (one name per line; blank lines and text after '#'
 * ignored) or as a comma-separated list such as "angry,disgust,fear,happy,sad,surprise,neutral,contempt".
 */
public final class ClassLabelsReader {

    private ClassLabelsReader() {
    }

    /** A comma-separated list when {@code fileOrList} contains a comma, else the path of a labels file. */
    public static ClassLabels parse(String fileOrList) {
        return fileOrList.contains(",") ? fromList(fileOrList) : fromFile(Path.of(fileOrList.trim()));
    }

    /** @throws IllegalArgumentException naming the problem, for an empty or duplicate name */
    public static ClassLabels fromList(String commaSeparated) {
        List<String> names = new ArrayList<>();
        for (String part : commaSeparated.split(",", -1)) {
            String name = part.trim();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("empty class name in label list '" + commaSeparated + "'");
            }
            if (containsIgnoringCase(names, name)) {
                throw new IllegalArgumentException("class '" + name + "' is listed twice in '" + commaSeparated + "'");
            }
            names.add(name);
        }
        return labels(names, "label list '" + commaSeparated + "'");
    }

    /** @throws DatasetFormatException naming the file (and line) for a missing file or a bad name */
    public static ClassLabels fromFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DatasetFormatException(new DataProblem(file.toString(), "labels",
                    "cannot read the labels file (one class name per line, or give a comma-separated list): " + e),
                    e);
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String name = withoutComment(lines.get(i));
            if (name.isEmpty()) {
                continue;
            }
            if (containsIgnoringCase(names, name)) {
                throw new DatasetFormatException(DataProblem.atLine(file.toString(), i + 1L, "labels",
                        "class '" + name + "' is listed twice"));
            }
            names.add(name);
        }
        if (names.size() < 2) {
            throw new DatasetFormatException(new DataProblem(file.toString(), "labels",
                    "at least two class names are needed, found " + names));
        }
        return new ClassLabels(names);
    }

    private static String withoutComment(String line) {
        int hash = line.indexOf('#');
        return (hash >= 0 ? line.substring(0, hash) : line).trim();
    }

    /** Names are matched case-insensitively elsewhere, so "Happy" and "happy" count as the same class. */
    private static boolean containsIgnoringCase(List<String> names, String name) {
        return names.stream().anyMatch(n -> n.equalsIgnoreCase(name));
    }

    private static ClassLabels labels(List<String> names, String what) {
        if (names.size() < 2) {
            throw new IllegalArgumentException("at least two class names are needed in " + what);
        }
        return new ClassLabels(names);
    }
}
