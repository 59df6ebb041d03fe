package org.ferstudio.data;

import java.util.Objects;

/**
 * One thing wrong with the input data: where (a file path, or "fer2013.csv.gz line 17" with 1-based
 * physical line numbers, the header being line 1), which field ("pixels", "emotion", "Usage", "file", ...)
 * and why, in words a user can act on.
 */
public record DataProblem(String location, String field, String reason) {

    public DataProblem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
    }

    /** A problem on one line of a text file; {@code lineNumber} is 1-based and counts the header. */
    public static DataProblem atLine(String fileName, long lineNumber, String field, String reason) {
        return new DataProblem(fileName + " line " + lineNumber, field, reason);
    }

    @Override
    public String toString() {
        return location + " (" + field + "): " + reason;
    }
}
