package org.ferstudio.data;

/**
 * The data cannot be used as asked: a fatal problem (missing file or header column, unreadable or truncated
 * file) or, in strict mode, the first bad row or file. The message names the file and the problem.
 */
public class DatasetFormatException extends RuntimeException {

    private final DataProblem problem;

    public DatasetFormatException(DataProblem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    public DatasetFormatException(DataProblem problem, Throwable cause) {
        super(problem.toString(), cause);
        this.problem = problem;
    }

    public DataProblem problem() {
        return problem;
    }
}
