package org.ferstudio.app.training;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.ferstudio.data.FaceImages;
import org.ferstudio.face.FaceTranslator;

/** Shows the 48x48 grey faces the network saw as JavaFX images. */
final class GreyImages {

    private GreyImages() {
    }

    static Image of(byte[] grey) {
        int side = FaceTranslator.SIDE;
        int[] argb = new int[side * side];
        for (int i = 0; i < argb.length; i++) {
            int v = grey[i] & 0xFF;
            argb[i] = 0xFF000000 | v << 16 | v << 8 | v;
        }
        WritableImage image = new WritableImage(side, side);
        image.getPixelWriter().setPixels(0, 0, side, side, PixelFormat.getIntArgbInstance(), argb, 0, side);
        return image;
    }
}
