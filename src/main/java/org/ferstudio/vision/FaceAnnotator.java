package org.ferstudio.vision;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.awt.geom.Ellipse2D;
import org.ferstudio.model.FaceLandmarks;
import org.ferstudio.model.FaceResult;

/**
 * Draws face boxes with "Label 87%" captions on a copy of a photo, one colour per expression, and on request
 * the detector's five landmarks as dots.
 */
public final class FaceAnnotator {

    private final boolean landmarks;

    public FaceAnnotator() {
        this(false);
    }

    private FaceAnnotator(boolean landmarks) {
        this.landmarks = landmarks;
    }

    /** An annotator that also draws the landmarks of faces that have them (when {@code draw}). */
    public FaceAnnotator withLandmarks(boolean draw) {
        return new FaceAnnotator(draw);
    }

    private static final Color[] PALETTE = {
        new Color(0xE53935), new Color(0x8E24AA), new Color(0x5E35B1), new Color(0xFDD835),
        new Color(0x1E88E5), new Color(0xFB8C00), new Color(0x90A4AE), new Color(0x43A047), new Color(0x00ACC1),
    };

    /** The colour of a class, stable for its index (the GUI uses the same colours). */
    public static Color colour(int classIndex) {
        return PALETTE[classIndex % PALETTE.length];
    }

    /**
     * Like {@link #annotate(BufferedImage, List)} for faces found in a file {@code fileWidth} pixels wide
     * whose bitmap {@code photo} may be smaller (a large photo decoded at reduced resolution).
     */
    public BufferedImage annotate(BufferedImage photo, List<FaceResult> faces, int fileWidth) {
        if (fileWidth <= 0 || fileWidth == photo.getWidth()) {
            return annotate(photo, faces);
        }
        double factor = (double) photo.getWidth() / fileWidth;
        return annotate(photo, faces.stream()
                .map(f -> new FaceResult(f.box().scaled(factor), f.classes(), f.probabilities())).toList());
    }

    /** The faces' boxes are in {@code photo}'s pixels. */
    public BufferedImage annotate(BufferedImage photo, List<FaceResult> faces) {
        BufferedImage out = new BufferedImage(photo.getWidth(), photo.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(photo, 0, 0, null);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            float scale = Math.max(1f, Math.max(photo.getWidth(), photo.getHeight()) / 800f);
            g.setStroke(new BasicStroke(2.5f * scale));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(14 * scale)));
            FontMetrics fm = g.getFontMetrics();
            for (FaceResult f : faces) {
                Color c = colour(f.bestIndex());
                g.setColor(c);
                g.drawRect(f.box().x(), f.box().y(), f.box().width(), f.box().height());
                if (landmarks && f.landmarks() != null) {
                    drawLandmarks(g, f.landmarks(), Math.max(2f, f.box().width() / 40f));
                }
                String caption = String.format(Locale.ROOT, "%s %.0f%%", f.label(), 100 * f.confidence());
                int w = fm.stringWidth(caption) + 8;
                int h = fm.getHeight();
                int y = f.box().y() >= h ? f.box().y() - h : f.box().y() + f.box().height();
                g.fillRect(f.box().x(), y, w, h);
                g.setColor(c.getRed() + c.getGreen() + c.getBlue() > 450 ? Color.BLACK : Color.WHITE);
                g.drawString(caption, f.box().x() + 4, y + fm.getAscent());
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** A dot per landmark in the box's colour, ringed in white so it shows on dark and light skin alike. */
    private static void drawLandmarks(Graphics2D g, FaceLandmarks points, float radius) {
        Color fill = g.getColor();
        java.awt.Stroke stroke = g.getStroke();
        g.setStroke(new BasicStroke(Math.max(1f, radius / 3)));
        for (FaceLandmarks.Point p : points.points()) {
            Ellipse2D dot = new Ellipse2D.Double(p.x() - radius, p.y() - radius, 2 * radius, 2 * radius);
            g.setColor(fill);
            g.fill(dot);
            g.setColor(Color.WHITE);
            g.draw(dot);
        }
        g.setColor(fill);
        g.setStroke(stroke);
    }
}
