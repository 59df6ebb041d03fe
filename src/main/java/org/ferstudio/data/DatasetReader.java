package org.ferstudio.data;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ferstudio.task.ProgressReporter;

/** Reads a dataset from a path: a folder as image folders, a file as a FER2013-style CSV (plain or gzip). */
public final class DatasetReader {

    private DatasetReader() {
    }

    /**
     * @throws DatasetFormatException when the path does not exist or the data cannot be used (see the readers)
     * @throws org.ferstudio.task.CancelledException when {@code progress} asks to stop
     */
    public static Dataset read(Path path, ReadOptions options, ProgressReporter progress) {
        if (Files.isDirectory(path)) {
            return ImageFolderReader.read(path, options, progress);
        }
        if (Files.isRegularFile(path)) {
            return Fer2013CsvReader.read(path, options, progress);
        }
        String reason = Files.exists(path)
                ? "neither a regular file nor a folder"
                : "does not exist; give a FER2013-style CSV file (.csv or .csv.gz) or a folder of class folders";
        throw new DatasetFormatException(new DataProblem(path.toAbsolutePath().toString(), "file", reason));
    }
}
