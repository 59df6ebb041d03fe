package org.ferstudio.data;

import java.util.List;

/**
 * Where the columns FER2013 readers need sit in a CSV header: {@code emotion} and {@code pixels} are
 * required, {@code Usage} is optional, names match case-insensitively and other columns are ignored.
 *
 * @param usageColumn -1 when the file has no Usage column
 */
record CsvHeader(List<String> names, int emotionColumn, int pixelsColumn, int usageColumn) {

    static final String EMOTION = "emotion";
    static final String PIXELS = "pixels";
    static final String USAGE = "Usage";

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final int SHOWN_HEADER_CHARS = 200;

    /** @throws DatasetFormatException naming the file and the header found when a required column is missing */
    static CsvHeader parse(String line, String fileName) {
        String text = line.isEmpty() || line.charAt(0) != BYTE_ORDER_MARK ? line : line.substring(1);
        List<String> names = List.of(text.split(",", -1)).stream().map(CsvHeader::unquote).toList();
        int emotion = required(names, EMOTION, text, fileName);
        int pixels = required(names, PIXELS, text, fileName);
        return new CsvHeader(names, emotion, pixels, indexOf(names, USAGE));
    }

    int fieldCount() {
        return names.size();
    }

    boolean hasUsage() {
        return usageColumn >= 0;
    }

    private static int required(List<String> names, String column, String header, String fileName) {
        int index = indexOf(names, column);
        if (index < 0) {
            String shown = header.length() > SHOWN_HEADER_CHARS ? header.substring(0, SHOWN_HEADER_CHARS) + "..." : header;
            throw new DatasetFormatException(DataProblem.atLine(fileName, 1, column,
                    "missing required column '" + column + "'; the header found is '" + shown
                            + "' (needed: emotion, pixels and optionally Usage)"));
        }
        return index;
    }

    private static int indexOf(List<String> names, String column) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(column)) {
                return i;
            }
        }
        return -1;
    }

    private static String unquote(String name) {
        String trimmed = name.trim();
        boolean quoted = trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"");
        return quoted ? trimmed.substring(1, trimmed.length() - 1).trim() : trimmed;
    }
}
