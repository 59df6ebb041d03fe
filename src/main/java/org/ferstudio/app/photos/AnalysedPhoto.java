package org.ferstudio.app.photos;

import java.awt.image.BufferedImage;
import org.ferstudio.model.PhotoResult;

/**
 * What the worker hands to the view-model for one photo.
 *
 * @param thumbnail null when the photo could not be read
 * @param image     the full photo (for showing it if selected), null when it could not be read
 */
record AnalysedPhoto(PhotoResult result, BufferedImage thumbnail, BufferedImage image) {
}
