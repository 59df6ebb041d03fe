package org.ferstudio.app.photos;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.ferstudio.model.FaceLandmarks;
import org.ferstudio.model.FaceResult;

/**
 * The selected photo scaled to fit, with face boxes and "Label 87%" captions over it. Photo and boxes are
 * drawn on one canvas through one {@link FitGeometry}, recomputed whenever the canvas is resized, so they
 * cannot drift apart at any window size; clicks go back through the same geometry to pick a face.
 */
final class PhotoCanvas extends Region {

    /** How far outside a box, in screen pixels, a click still selects it. */
    private static final double CLICK_TOLERANCE_PX = 4;
    private static final Font CAPTION_FONT = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 13);
    private static final double CAPTION_PADDING = 4;

    /** Receives a click on the photo in image pixels, with the click tolerance in image pixels. */
    @FunctionalInterface
    interface ClickHandler {
        void clicked(double imageX, double imageY, double tolerance);
    }

    private final Canvas canvas = new Canvas();
    private Image image;
    /** The photo file's size, in which the boxes are given; 0 when unknown (then the image's own size). */
    private double fileWidth;
    private double fileHeight;
    private List<FaceResult> faces = List.of();
    private int selected = -1;
    private boolean showLandmarks;
    private ClickHandler onClick = (x, y, tolerance) -> { };

    PhotoCanvas() {
        canvas.setId("photoCanvas");
        getChildren().add(canvas);
        setMinSize(0, 0);
        setPrefSize(640, 480);
        canvas.widthProperty().addListener(obs -> redraw());
        canvas.heightProperty().addListener(obs -> redraw());
        canvas.setOnMouseClicked(this::clicked);
    }

    void setOnClick(ClickHandler handler) {
        this.onClick = handler;
    }

    void setImage(Image image) {
        this.image = image;
        redraw();
    }

    void setFaces(List<FaceResult> faces) {
        this.faces = List.copyOf(faces);
        redraw();
    }

    /**
     * The size of the photo file, whose pixels the boxes and clicks are in: a large photo is shown from a
     * bitmap decoded at reduced resolution. 0 or less: the image's own size.
     */
    void setFileSize(double width, double height) {
        this.fileWidth = width;
        this.fileHeight = height;
        redraw();
    }

    void setShowLandmarks(boolean show) {
        this.showLandmarks = show;
        redraw();
    }

    void setSelected(int index) {
        this.selected = index;
        redraw();
    }

    /** Where the photo is drawn now; empty when there is no photo or no room. */
    Optional<FitGeometry> geometry() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (image == null || image.getWidth() <= 0 || image.getHeight() <= 0 || w <= 0 || h <= 0) {
            return Optional.empty();
        }
        boolean known = fileWidth > 0 && fileHeight > 0;
        return Optional.of(FitGeometry.fit(known ? fileWidth : image.getWidth(), known ? fileHeight : image.getHeight(),
                w, h));
    }

    @Override
    protected void layoutChildren() {
        // resizing the canvas redraws it through the size listeners
        canvas.setWidth(snapSizeX(getWidth()));
        canvas.setHeight(snapSizeY(getHeight()));
    }

    private void clicked(MouseEvent event) {
        if (event.getButton() != MouseButton.PRIMARY) {
            return;
        }
        geometry().ifPresent(g -> onClick.clicked(g.toImageX(event.getX()), g.toImageY(event.getY()),
                g.toImageLength(CLICK_TOLERANCE_PX)));
    }

    private void redraw() {
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        geometry().ifPresent(g -> {
            FitGeometry.ViewRect area = g.imageRect();
            gc.drawImage(image, area.x(), area.y(), area.width(), area.height());
            for (int i = 0; i < faces.size(); i++) {
                if (i != selected) {
                    drawFace(gc, g, faces.get(i), false);
                }
            }
            // the selected face last, so its box and caption stay on top where boxes overlap
            if (selected >= 0 && selected < faces.size()) {
                drawFace(gc, g, faces.get(selected), true);
            }
        });
    }

    private void drawFace(GraphicsContext gc, FitGeometry g, FaceResult face, boolean isSelected) {
        FitGeometry.ViewRect box = g.toView(face.box());
        Color colour = EmotionColours.of(face.bestIndex());
        if (isSelected) {
            gc.setFill(colour.deriveColor(0, 1, 1, 0.2));
            gc.fillRect(box.x(), box.y(), box.width(), box.height());
        }
        gc.setStroke(colour);
        gc.setLineWidth(isSelected ? 4 : 2);
        gc.strokeRect(box.x(), box.y(), box.width(), box.height());
        if (showLandmarks && face.landmarks() != null) {
            double r = Math.max(2.5, box.width() / 40);
            for (FaceLandmarks.Point p : face.landmarks().points()) {
                double x = g.toViewX(p.x());
                double y = g.toViewY(p.y());
                gc.setFill(colour);
                gc.fillOval(x - r, y - r, 2 * r, 2 * r);
                gc.setStroke(Color.WHITE);
                gc.setLineWidth(1);
                gc.strokeOval(x - r, y - r, 2 * r, 2 * r);
            }
        }
        drawCaption(gc, box, colour, String.format(Locale.ROOT, "%s %.0f%%", face.label(), 100 * face.confidence()));
    }

    /**
     * The caption sits on the box's top edge, or just inside it when the box touches the top of the view, and
     * is moved left when the box is too near the right edge for it.
     */
    private void drawCaption(GraphicsContext gc, FitGeometry.ViewRect box, Color colour, String caption) {
        Text measure = new Text(caption);
        measure.setFont(CAPTION_FONT);
        double width = measure.getLayoutBounds().getWidth() + 2 * CAPTION_PADDING;
        double height = measure.getLayoutBounds().getHeight() + CAPTION_PADDING;
        double x = Math.max(0, Math.min(box.x(), canvas.getWidth() - width));
        double y = box.y() >= height ? box.y() - height : box.y();
        gc.setFill(colour);
        gc.fillRect(x, y, width, height);
        gc.setFill(EmotionColours.textOn(colour));
        gc.setFont(CAPTION_FONT);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText(caption, x + CAPTION_PADDING, y + height / 2);
    }
}
