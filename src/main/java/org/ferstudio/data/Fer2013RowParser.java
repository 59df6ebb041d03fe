package org.ferstudio.data;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ferstudio.face.FaceTranslator;
import org.ferstudio.model.ClassLabels;

/**
 * Parses one FER2013 CSV row from bytes into reused buffers, in two steps so rows of a split that is
 * already full can be skipped before the expensive pixel parsing: {@link #readFields} (field count, empty
 * fields, Usage), then {@link #readImage} (label and pixels). Each step returns null for a good row, else
 * the row's first problem. Pixels are parsed by hand, because FER2013 has 83 million of them.
 */
final class Fer2013RowParser {

    private static final int MAX_SHOWN_TOKEN = 20;

    private final CsvHeader header;
    private final ClassLabels labels;
    private final String fileName;
    private final int[] fieldStart;
    private final int[] fieldEnd;
    private final byte[] grey = new byte[FaceTranslator.PIXELS];
    /** Usage spelling (lower case) -> split name as first written in the file. */
    private final Map<String, String> splitNames = new HashMap<>();

    private byte[] line;
    private long lineNumber;
    private String split;
    private int label;

    Fer2013RowParser(CsvHeader header, ClassLabels labels, String fileName) {
        this.header = header;
        this.labels = labels;
        this.fileName = fileName;
        this.fieldStart = new int[header.fieldCount()];
        this.fieldEnd = new int[header.fieldCount()];
    }

    /**
     * Finds the fields and resolves the row's split; the line must stay unchanged until {@link #readImage}.
     *
     * @param commas the number of ',' in the line, counted by the line reader
     */
    DataProblem readFields(byte[] lineBytes, int length, int commas, long number) {
        this.line = lineBytes;
        this.lineNumber = number;
        if (commas + 1 != header.fieldCount()) {
            String reason = length == 0 ? "empty line" : "expected " + header.fieldCount() + " fields ("
                    + String.join(",", header.names()) + "), found " + (commas + 1);
            return problem("row", reason);
        }
        locateFields(length);
        if (isEmpty(header.emotionColumn())) {
            return problem(CsvHeader.EMOTION, "empty field");
        }
        if (isEmpty(header.pixelsColumn())) {
            return problem(CsvHeader.PIXELS, "empty field");
        }
        return header.hasUsage() ? readUsage() : setSplit(Dataset.ALL);
    }

    /** Reads the label and the pixels of the row given to {@link #readFields}. */
    DataProblem readImage() {
        DataProblem labelProblem = readLabel();
        return labelProblem != null ? labelProblem : readPixels();
    }

    String split() {
        return split;
    }

    int label() {
        return label;
    }

    /** The row's pixels; reused for the next row. */
    byte[] grey() {
        return grey;
    }

    /**
     * With the comma count known to be right, only the short fields around the pixels need scanning: forward
     * to the pixels column, backward from the line end after it. The 9 KB pixel field is not searched.
     */
    private void locateFields(int length) {
        int pixels = header.pixelsColumn();
        int start = 0;
        for (int f = 0; f < pixels; f++) {
            int comma = start;
            while (line[comma] != ',') {
                comma++;
            }
            fieldStart[f] = start;
            fieldEnd[f] = comma;
            start = comma + 1;
        }
        int end = length;
        for (int f = header.fieldCount() - 1; f > pixels; f--) {
            int comma = end - 1;
            while (line[comma] != ',') {
                comma--;
            }
            fieldStart[f] = comma + 1;
            fieldEnd[f] = end;
            end = comma;
        }
        fieldStart[pixels] = start;
        fieldEnd[pixels] = end;
        for (int f = 0; f < header.fieldCount(); f++) {
            trimField(f);
        }
    }

    /** Drops surrounding blanks and one pair of double quotes, as spreadsheet exports add them. */
    private void trimField(int f) {
        int s = fieldStart[f];
        int e = fieldEnd[f];
        while (s < e && isBlank(line[s])) {
            s++;
        }
        while (e > s && isBlank(line[e - 1])) {
            e--;
        }
        if (e - s >= 2 && line[s] == '"' && line[e - 1] == '"') {
            s++;
            e--;
        }
        fieldStart[f] = s;
        fieldEnd[f] = e;
    }

    private boolean isEmpty(int column) {
        return fieldStart[column] == fieldEnd[column];
    }

    /**
     * Usage must name a known split (Training, PublicTest, PrivateTest, train, val, test, ...): a typo such as
     * "Trainng" would otherwise silently create a split of its own.
     */
    private DataProblem readUsage() {
        String usage = text(header.usageColumn());
        if (usage.isEmpty()) {
            return problem(CsvHeader.USAGE, "empty Usage");
        }
        String known = splitNames.get(usage.toLowerCase(Locale.ROOT));
        if (known == null) {
            if (!DataSplits.isKnownSplitName(usage)) {
                return problem(CsvHeader.USAGE, "unknown Usage '" + usage + "'; known split names are "
                        + DataSplits.knownSplitNames());
            }
            known = usage;
            splitNames.put(usage.toLowerCase(Locale.ROOT), usage);
        }
        return setSplit(known);
    }

    private DataProblem setSplit(String name) {
        split = name;
        return null;
    }

    private DataProblem readLabel() {
        int s = fieldStart[header.emotionColumn()];
        int e = fieldEnd[header.emotionColumn()];
        int index = parseSmallInt(s, e);
        if (index < 0) {
            Optional<Integer> byName = labels.indexOf(text(header.emotionColumn()));
            if (byName.isPresent()) {
                label = byName.get();
                return null;
            }
        } else if (index < labels.size()) {
            label = index;
            return null;
        }
        return problem(CsvHeader.EMOTION, "unknown label '" + text(header.emotionColumn())
                + "'; valid are the class indices 0.." + (labels.size() - 1) + " or the class names "
                + String.join(", ", labels.names()));
    }

    /** A non-negative int of at most 9 digits, or -1 when the bytes are something else. */
    private int parseSmallInt(int s, int e) {
        if (e == s || e - s > 9) {
            return -1;
        }
        int value = 0;
        for (int i = s; i < e; i++) {
            int digit = line[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private DataProblem readPixels() {
        int from = fieldStart[header.pixelsColumn()];
        int to = fieldEnd[header.pixelsColumn()];
        return parsePixelsQuickly(from, to) ? null : explainPixels(from, to);
    }

    /**
     * The fast path for the well-formed case (2304 values of 1-3 digits, single spaces, all at most 255):
     * one tight loop over the bytes. Anything unusual returns false and {@link #explainPixels} looks closer.
     */
    private boolean parsePixelsQuickly(int from, int to) {
        byte[] bytes = line;
        byte[] out = grey;
        int count = 0;
        int value = 0;
        int digits = 0;
        for (int i = from; i < to; i++) {
            int digit = bytes[i] - '0';
            if (digit >= 0 && digit <= 9) {
                value = value * 10 + digit;
                digits++;
            } else if (bytes[i] == ' ' && digits > 0 && digits <= 3 && value <= 255 && count < out.length) {
                out[count++] = (byte) value;
                value = 0;
                digits = 0;
            } else {
                return false;
            }
        }
        if (digits == 0 || digits > 3 || value > 255 || count != out.length - 1) {
            return false;
        }
        out[count] = (byte) value;
        return true;
    }

    /** The careful parse: finds the first bad value or the wrong count, tolerating extra blanks. */
    private DataProblem explainPixels(int from, int end) {
        int i = from;
        int count = 0;
        while (true) {
            while (i < end && isBlank(line[i])) {
                i++;
            }
            if (i == end) {
                break;
            }
            int tokenStart = i;
            boolean negative = line[i] == '-';
            if (negative) {
                i++;
            }
            int value = 0;
            int digits = 0;
            while (i < end && line[i] >= '0' && line[i] <= '9') {
                // Cap instead of overflowing: anything past 255 is out of range either way.
                value = Math.min(value * 10 + (line[i] - '0'), 1_000_000);
                digits++;
                i++;
            }
            if (digits == 0 || (i < end && !isBlank(line[i]))) {
                return problem(CsvHeader.PIXELS, "pixel " + position(count) + " is not a number: '"
                        + token(tokenStart, end) + "'");
            }
            if (negative || value > 255) {
                return problem(CsvHeader.PIXELS, "pixel " + position(count) + " has value "
                        + token(tokenStart, end) + ", outside 0..255");
            }
            if (count < grey.length) {
                grey[count] = (byte) value;
            }
            count++;
        }
        if (count != FaceTranslator.PIXELS) {
            return problem(CsvHeader.PIXELS, count + " pixel values, expected " + FaceTranslator.PIXELS
                    + " (" + FaceTranslator.SIDE + "x" + FaceTranslator.SIDE + ")");
        }
        return null;
    }

    /** 1-based position with the image row and column, e.g. "18 (row 1, column 18)". */
    private static String position(int index) {
        if (index >= FaceTranslator.PIXELS) {
            return String.valueOf(index + 1);
        }
        return (index + 1) + " (row " + (index / FaceTranslator.SIDE + 1) + ", column " + (index % FaceTranslator.SIDE + 1) + ")";
    }

    private String token(int start, int end) {
        int e = start;
        while (e < end && !isBlank(line[e])) {
            e++;
        }
        String token = new String(line, start, e - start, StandardCharsets.UTF_8);
        return token.length() > MAX_SHOWN_TOKEN ? token.substring(0, MAX_SHOWN_TOKEN) + "..." : token;
    }

    private String text(int column) {
        return new String(line, fieldStart[column], fieldEnd[column] - fieldStart[column], StandardCharsets.UTF_8);
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t';
    }

    private DataProblem problem(String field, String reason) {
        return DataProblem.atLine(fileName, lineNumber, field, reason);
    }
}
