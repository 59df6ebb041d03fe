package org.ferstudio.app.photos;

import java.awt.image.BufferedImage;
import java.util.List;
import org.ferstudio.model.FaceResult;
import org.ferstudio.model.PhotoResult;

/**
 * One photo's status, result and thumbnail, replaced as a whole so a listener never sees a status that does
 * not match the result.
 *
 * @param result    the analysis result; null while pending
 * @param thumbnail a small copy of the photo for the list; null until it was first read
 */
public record PhotoState(PhotoStatus status, PhotoResult result, BufferedImage thumbnail) {

    static PhotoState pending(BufferedImage thumbnail) {
        return new PhotoState(PhotoStatus.PENDING, null, thumbnail);
    }

    static PhotoState finished(PhotoResult result, BufferedImage thumbnail) {
        return new PhotoState(result.ok() ? PhotoStatus.ANALYSED : PhotoStatus.FAILED, result, thumbnail);
    }

    /** The faces found; empty while pending or when the photo failed. */
    public List<FaceResult> faces() {
        return result == null ? List.of() : result.faces();
    }

    /** Why the photo failed (naming the file), or null. */
    public String reason() {
        return result == null ? null : result.error();
    }
}
