package org.ferstudio.app.photos;

import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.WeakHashMap;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;

/**
 * JavaFX copies of thumbnails, made once per thumbnail rather than every time a list row is redrawn. Keyed
 * weakly by the thumbnail, so a copy goes when its photo is re-analysed or removed. FX thread only.
 */
final class FxImages {

    private final Map<BufferedImage, Image> copies = new WeakHashMap<>();

    Image of(BufferedImage image) {
        return copies.computeIfAbsent(image, i -> SwingFXUtils.toFXImage(i, null));
    }
}
