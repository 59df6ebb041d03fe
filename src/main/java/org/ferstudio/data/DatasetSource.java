package org.ferstudio.data;

import java.nio.file.Path;

/**
 * Where a dataset came from, recorded in model cards so a result can be traced to its exact data.
 *
 * @param name   the file or folder name
 * @param sha256 lower-case hex SHA-256: of the file bytes for a single file; for a folder, over every file
 *               below the class folders in sorted order, each as its '/'-separated relative path, a zero
 *               byte, its length as 8 bytes big-endian and its contents (the bytes are read once anyway
 *               to decode the image, so this costs little)
 * @param bytes  the size of the file, or the summed size of the hashed files of a folder
 */
public record DatasetSource(String name, Path path, String sha256, long bytes) {
}
