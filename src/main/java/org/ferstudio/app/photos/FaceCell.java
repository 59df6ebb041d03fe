package org.ferstudio.app.photos;

import java.util.Locale;
import javafx.scene.control.ListCell;
import javafx.scene.shape.Rectangle;
import org.ferstudio.model.FaceResult;

/** A row of the face list: a swatch in the face's emotion colour, its number, label and confidence. */
final class FaceCell extends ListCell<FaceResult> {

    private final Rectangle swatch = new Rectangle(12, 12);

    @Override
    protected void updateItem(FaceResult face, boolean empty) {
        super.updateItem(face, empty);
        if (empty || face == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        swatch.setFill(EmotionColours.of(face.bestIndex()));
        setGraphic(swatch);
        setText(String.format(Locale.ROOT, "Face %d: %s %.0f%%", getIndex() + 1, face.label(), 100 * face.confidence()));
    }
}
