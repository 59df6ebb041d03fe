package org.ferstudio.app.webcam;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.ferstudio.vision.FaceAnnotator;

/**
 * Draws the face boxes and their "Happy 87%" captions on the overlay canvas, in the expression's colour
 * (the colours of the photo annotations), and on request each face's five landmarks as dots ringed in
 * white (as the Photos pane draws them), placed by the same {@link Letterbox} as the video. Drawing is a
 * handful of canvas calls per face, cheap enough for every frame; nodes per face would churn the scene graph.
 */
final class OverlayPainter {

    private static final double BASE_FONT_SIZE = 13;
    private static final double LINE_WIDTH = 2.5;
    private static final double CAPTION_PADDING = 4;

    private final Text measure = new Text();
    private List<Rectangle2D> painted = List.of();
    private List<Point2D> paintedDots = List.of();

    /**
     * Clears the canvas and draws {@code boxes}, frame coordinates mapped through {@code fit}; {@code landmarks}
     * also draws the landmarks of the faces that have them.
     */
    void paint(Canvas canvas, Letterbox fit, List<OverlayBox> boxes, boolean landmarks) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (fit.isEmpty() || boxes.isEmpty()) {
            painted = List.of();
            paintedDots = List.of();
            return;
        }
        // captions grow a little with a large video, but stay readable when it is small
        Font font = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD,
                BASE_FONT_SIZE * Math.max(0.85, Math.min(1.5, fit.scale())));
        g.setFont(font);
        g.setTextBaseline(VPos.TOP);
        g.setLineWidth(LINE_WIDTH);
        measure.setFont(font);
        List<Rectangle2D> drawn = new ArrayList<>(boxes.size());
        List<Point2D> dots = new ArrayList<>();
        for (OverlayBox box : boxes) {
            drawn.add(paintBox(g, fit, box));
            if (landmarks) {
                dots.addAll(paintLandmarks(g, fit, box));
            }
        }
        painted = List.copyOf(drawn);
        paintedDots = List.copyOf(dots);
    }

    /** The landmark dots of the last paint, in canvas coordinates. */
    List<Point2D> paintedDots() {
        return paintedDots;
    }

    /** The boxes of the last paint, in canvas coordinates: what a test can check against the video's place. */
    List<Rectangle2D> painted() {
        return painted;
    }

    private Rectangle2D paintBox(GraphicsContext g, Letterbox fit, OverlayBox box) {
        Color colour = colour(box.classIndex());
        double x = fit.areaX(box.box().x());
        double y = fit.areaY(box.box().y());
        double width = box.box().width() * fit.scale();
        double height = box.box().height() * fit.scale();
        g.setStroke(colour);
        g.strokeRect(x, y, width, height);

        measure.setText(box.caption());
        double captionWidth = measure.getLayoutBounds().getWidth() + 2 * CAPTION_PADDING;
        double captionHeight = measure.getLayoutBounds().getHeight() + CAPTION_PADDING;
        // above the box, or below it when there is no room above (as in the saved snapshots)
        double top = y >= captionHeight ? y - captionHeight : y + height;
        g.setFill(colour);
        g.fillRect(x - LINE_WIDTH / 2, top, captionWidth, captionHeight);
        g.setFill(ink(colour));
        g.fillText(box.caption(), x - LINE_WIDTH / 2 + CAPTION_PADDING, top + CAPTION_PADDING / 2);
        return new Rectangle2D(x, y, width, height);
    }

    private List<Point2D> paintLandmarks(GraphicsContext g, Letterbox fit, OverlayBox box) {
        List<Point2D> dots = box.landmarkDots(fit);
        double r = box.landmarkRadius(fit);
        g.setLineWidth(1);
        for (Point2D p : dots) {
            g.setFill(colour(box.classIndex()));
            g.fillOval(p.getX() - r, p.getY() - r, 2 * r, 2 * r);
            g.setStroke(Color.WHITE);
            g.strokeOval(p.getX() - r, p.getY() - r, 2 * r, 2 * r);
        }
        g.setLineWidth(LINE_WIDTH);
        return dots;
    }

    static Color colour(int classIndex) {
        java.awt.Color c = FaceAnnotator.colour(classIndex);
        return Color.rgb(c.getRed(), c.getGreen(), c.getBlue());
    }

    /** Black on light colours (yellow, grey), white on dark ones, as in the photo annotations. */
    private static Color ink(Color background) {
        boolean light = background.getRed() + background.getGreen() + background.getBlue() > 450 / 255.0;
        return light ? Color.BLACK : Color.WHITE;
    }
}
