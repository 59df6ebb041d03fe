package org.ferstudio.store;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names a model may be saved under. A name becomes a folder in the user's model folder, so only names
 * that are safe as a folder on every system pass: no separators or "..", nothing hidden (the atomic save
 * uses hidden names for its temporary folders), no Windows device names, no trailing dot.
 */
public final class ModelNames {

    public static final int MAX_LENGTH = 64;

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern UNSAFE_RUN = Pattern.compile("[^A-Za-z0-9._-]+");
    private static final Set<String> DEVICE_NAMES = Set.of("CON", "PRN", "AUX", "NUL",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private ModelNames() {
    }

    /** Why {@code name} cannot be used, in the user's words; empty when it can. */
    public static Optional<String> problem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("Enter a name for the model.");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters.");
        }
        if (!SAFE.matcher(name).matches()) {
            return Optional.of("Use letters, digits, '.', '-' and '_' only, starting with a letter or digit.");
        }
        if (name.endsWith(".")) {
            return Optional.of("The name must not end with a dot.");
        }
        String stem = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        if (DEVICE_NAMES.contains(stem.toUpperCase(Locale.ROOT))) {
            return Optional.of("'" + stem + "' is reserved by Windows; choose another name.");
        }
        return Optional.empty();
    }

    /** "cnn3-fer2013-20251123-153012": architecture, data and time, made safe. */
    public static String suggest(String architecture, String datasetName, LocalDateTime time) {
        // 16 + 1 + 30 + 1 + 15 characters: always within MAX_LENGTH
        return safePart(architecture, 16) + "-" + safePart(stem(datasetName), 30) + "-" + STAMP.format(time);
    }

    private static String stem(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (String extension : new String[] {".csv.gz", ".csv", ".gz"}) {
            if (lower.endsWith(extension)) {
                return fileName.substring(0, fileName.length() - extension.length());
            }
        }
        return fileName;
    }

    private static String safePart(String text, int maxLength) {
        String part = UNSAFE_RUN.matcher(text).replaceAll("-");
        part = part.substring(0, Math.min(part.length(), maxLength)).replaceAll("^[._-]+|[._-]+$", "");
        return part.isEmpty() ? "model" : part;
    }
}
