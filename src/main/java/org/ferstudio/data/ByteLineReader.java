package org.ferstudio.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads LF or CRLF terminated lines as bytes into one reused buffer, counting the commas on the way. Works
 * on bytes, not chars, because a FER2013 CSV is 300 MB of ASCII digits: decoding it to UTF-16 and making a
 * String per line would double the work, and the separators ',' and ' ' are single bytes in UTF-8 anyway.
 * Counting commas during the newline scan spares the CSV parser another pass over every line.
 */
final class ByteLineReader {

    /** A FER2013 row is about 9 KB; a longer line means the file is not such a CSV (or has no line breaks). */
    static final int MAX_LINE_BYTES = 4 << 20;

    private final InputStream in;
    private final String fileName;
    private final byte[] chunk;
    private int pos;
    private int limit;
    private byte[] line = new byte[16 << 10];
    private int length;
    private int commas;
    private long lineNumber;

    ByteLineReader(InputStream in, String fileName, int chunkSize) {
        this.in = in;
        this.fileName = fileName;
        this.chunk = new byte[chunkSize];
    }

    /** Advances to the next line; false at the end of the input. */
    boolean next() throws IOException {
        length = 0;
        commas = 0;
        boolean sawAnything = false;
        while (true) {
            if (pos == limit && !refill()) {
                if (!sawAnything) {
                    return false;
                }
                break;
            }
            sawAnything = true;
            int end = pos;
            while (end < limit) {
                byte b = chunk[end];
                if (b == '\n') {
                    break;
                }
                if (b == ',') {
                    commas++;
                }
                end++;
            }
            append(pos, end);
            if (end < limit) {
                pos = end + 1;
                break;
            }
            pos = limit;
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        lineNumber++;
        return true;
    }

    /** The current line's bytes, valid in {@code [0, length())} until the next call of {@link #next()}. */
    byte[] bytes() {
        return line;
    }

    int length() {
        return length;
    }

    /** Number of ',' bytes in the current line. */
    int commas() {
        return commas;
    }

    /** 1-based physical line number of the current line. */
    long lineNumber() {
        return lineNumber;
    }

    private boolean refill() throws IOException {
        int n = in.read(chunk, 0, chunk.length);
        pos = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    private void append(int from, int to) {
        int n = to - from;
        if (length + n > line.length) {
            if (length + n > MAX_LINE_BYTES) {
                throw new DatasetFormatException(DataProblem.atLine(fileName, lineNumber + 1, "file",
                        "line is longer than " + MAX_LINE_BYTES + " bytes: this is not a FER2013-style CSV file"));
            }
            line = Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, Math.max(length + n, line.length * 2)));
        }
        System.arraycopy(chunk, from, line, length, n);
        length += n;
    }
}
