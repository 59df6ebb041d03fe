package org.ferstudio.model;

import java.nio.file.Path;
import java.util.List;

/**
 * What one photo gave: its size and faces, or the reason it could not be read ({@code error} set,
 * {@code faces} empty, size 0).
 */
public record PhotoResult(Path file, int width, int height, List<FaceResult> faces, String error) {

    public PhotoResult {
        faces = List.copyOf(faces);
    }

    public static PhotoResult failed(Path file, String error) {
        return new PhotoResult(file, 0, 0, List.of(), error);
    }

    public boolean ok() {
        return error == null;
    }
}
