package org.ferstudio.app.photos;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** A row of the photo list: thumbnail, file name, and the face count, progress or the reason it failed. */
final class PhotoCell extends ListCell<PhotoEntry> {

    private static final double THUMBNAIL_SIDE = 56;
    private static final String FAILED_STYLE = "-fx-text-fill: #c62828;";

    private final FxImages images;
    private final ImageView thumbnail = new ImageView();
    private final Label name = new Label();
    private final Label detail = new Label();
    private final HBox row;

    PhotoCell(FxImages images) {
        this.images = images;
        thumbnail.setFitWidth(THUMBNAIL_SIDE);
        thumbnail.setFitHeight(THUMBNAIL_SIDE);
        thumbnail.setPreserveRatio(true);
        StackPane frame = new StackPane(thumbnail);
        frame.setMinSize(THUMBNAIL_SIDE, THUMBNAIL_SIDE);
        frame.setMaxSize(THUMBNAIL_SIDE, THUMBNAIL_SIDE);
        name.setStyle("-fx-font-weight: bold;");
        detail.setWrapText(true);
        VBox text = new VBox(2, name, detail);
        text.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(text, Priority.ALWAYS);
        row = new HBox(8, frame, text);
        row.setPadding(new Insets(2, 0, 2, 0));
        row.setAlignment(Pos.CENTER_LEFT);
        // a zero preferred width makes the cell take the list's width, so long reasons wrap instead of scrolling
        setPrefWidth(0);
        // the failed colour is unreadable on the selection bar; there the usual text colour is used
        selectedProperty().addListener((obs, was, is) -> colourDetail());
    }

    @Override
    protected void updateItem(PhotoEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        if (empty || entry == null) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        PhotoState state = entry.state();
        thumbnail.setImage(state.thumbnail() == null ? null : images.of(state.thumbnail()));
        name.setText(entry.name());
        detail.setText(describe(state));
        colourDetail();
        setTooltip(new Tooltip(state.status() == PhotoStatus.FAILED ? state.reason() : entry.file().toString()));
        setGraphic(row);
    }

    private void colourDetail() {
        PhotoEntry entry = getItem();
        boolean failed = entry != null && entry.status() == PhotoStatus.FAILED;
        detail.setStyle(failed && !isSelected() ? FAILED_STYLE : "");
    }

    private static String describe(PhotoState state) {
        return switch (state.status()) {
            case PENDING -> "waiting to be analysed";
            case FAILED -> state.reason();
            case ANALYSED -> switch (state.faces().size()) {
                case 0 -> "no face found";
                case 1 -> "1 face";
                default -> state.faces().size() + " faces";
            };
        };
    }
}
