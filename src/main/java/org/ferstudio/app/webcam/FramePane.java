package org.ferstudio.app.webcam;

import java.util.List;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * The video with its overlay. The frame goes into one {@link WritableImage} of the frame's size, reused
 * for every frame (a plain copy: the pixels already come in JavaFX's own BGRA layout); the overlay canvas
 * covers the pane. Both are placed by one {@link Letterbox} computed in {@link #layoutChildren()}, so the
 * boxes stay on the faces whatever the window size.
 */
final class FramePane extends Region {

    private static final double PREF_WIDTH = 640;
    private static final double PREF_HEIGHT = 480;

    private final ImageView videoView = new ImageView();
    private final Canvas overlayCanvas = new Canvas();
    private final OverlayPainter painter = new OverlayPainter();
    private WritableImage image;
    private List<OverlayBox> boxes = List.of();
    private boolean showLandmarks;

    FramePane() {
        setBackground(Background.fill(Color.rgb(24, 24, 24)));
        setMinSize(0, 0);
        videoView.setId("videoView");
        videoView.setSmooth(true);
        overlayCanvas.setId("overlayCanvas");
        overlayCanvas.setMouseTransparent(true);
        // placed by layoutChildren alone: a canvas resized during layout must not ask for another layout
        videoView.setManaged(false);
        overlayCanvas.setManaged(false);
        getChildren().addAll(videoView, overlayCanvas);
    }

    /** Shows a frame with its faces; null clears the pane. */
    void show(LiveFrame frame) {
        if (frame == null) {
            image = null;
            videoView.setImage(null);
            boxes = List.of();
            requestLayout();
            return;
        }
        FramePixels pixels = frame.pixels();
        if (image == null || image.getWidth() != pixels.width() || image.getHeight() != pixels.height()) {
            image = new WritableImage(pixels.width(), pixels.height());
            videoView.setImage(image);
            requestLayout();
        }
        image.getPixelWriter().setPixels(0, 0, pixels.width(), pixels.height(), PixelFormat.getByteBgraPreInstance(),
                pixels.bgra(), 0, pixels.width() * 4);
        boxes = OverlayBox.of(frame.analysis());
        painter.paint(overlayCanvas, fit(), boxes, showLandmarks);
    }

    /** Whether the overlay draws the faces' landmarks; repaints the shown frame. */
    void setShowLandmarks(boolean show) {
        showLandmarks = show;
        painter.paint(overlayCanvas, fit(), boxes, showLandmarks);
    }

    /** The face boxes drawn last, in this pane's coordinates. */
    List<Rectangle2D> overlayBoxes() {
        return painter.painted();
    }

    /** The landmark dots drawn last, in this pane's coordinates. */
    List<Point2D> overlayLandmarks() {
        return painter.paintedDots();
    }

    /** Where the video is shown in this pane; empty before the first frame. */
    Rectangle2D videoArea() {
        Letterbox fit = fit();
        return new Rectangle2D(fit.x(), fit.y(), fit.width(), fit.height());
    }

    @Override
    protected void layoutChildren() {
        Letterbox fit = fit();
        videoView.setVisible(!fit.isEmpty());
        videoView.setFitWidth(fit.width());
        videoView.setFitHeight(fit.height());
        videoView.relocate(fit.x(), fit.y());
        overlayCanvas.setWidth(getWidth());
        overlayCanvas.setHeight(getHeight());
        overlayCanvas.relocate(0, 0);
        painter.paint(overlayCanvas, fit, boxes, showLandmarks);
    }

    @Override
    protected double computePrefWidth(double height) {
        return PREF_WIDTH;
    }

    @Override
    protected double computePrefHeight(double width) {
        return PREF_HEIGHT;
    }

    private Letterbox fit() {
        return image == null ? Letterbox.fit(0, 0, 0, 0)
                : Letterbox.fit(image.getWidth(), image.getHeight(), getWidth(), getHeight());
    }
}
