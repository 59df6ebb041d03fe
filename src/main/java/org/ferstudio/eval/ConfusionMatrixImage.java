package org.ferstudio.eval;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.ferstudio.io.AtomicFiles;

/**
 * Draws a confusion matrix as a heatmap for reports: rows are the true class, columns the predicted one,
 * each cell shaded by its share of the row (so recall reads along the diagonal whatever the class sizes)
 * and labelled with its count and that share.
 */
public final class ConfusionMatrixImage {

    private static final int CELL = 78;
    private static final int LEFT = 110;
    private static final int TOP = 70;
    private static final int RIGHT = 20;
    private static final int BOTTOM = 100;

    private ConfusionMatrixImage() {
    }

    public static BufferedImage draw(ConfusionMatrix matrix, String title) {
        int n = matrix.size();
        int width = LEFT + n * CELL + RIGHT;
        int height = TOP + n * CELL + BOTTOM;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(title, LEFT, 28);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString("true class (rows) vs predicted (columns); shade = share of the row", LEFT, 48);
            for (int t = 0; t < n; t++) {
                int rowTotal = matrix.rowTotal(t);
                for (int p = 0; p < n; p++) {
                    int count = matrix.count(t, p);
                    double share = rowTotal == 0 ? 0 : count / (double) rowTotal;
                    cell(g, LEFT + p * CELL, TOP + t * CELL, count, share);
                }
            }
            labels(g, matrix, n);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Writes the heatmap as a PNG, atomically. */
    public static void writePng(ConfusionMatrix matrix, String title, Path file) throws IOException {
        AtomicFiles.writePng(file, draw(matrix, title));
    }

    private static void cell(Graphics2D g, int x, int y, int count, double share) {
        // white to deep blue; text turns white once the cell is dark enough
        int shade = (int) Math.round(255 * (1 - share));
        g.setColor(new Color(shade, Math.min(255, shade + 30), 255));
        g.fillRect(x, y, CELL, CELL);
        g.setColor(new Color(0xDDDDDD));
        g.drawRect(x, y, CELL, CELL);
        g.setColor(share > 0.5 ? Color.WHITE : Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        centred(g, Integer.toString(count), x + CELL / 2, y + CELL / 2 - 2);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        centred(g, String.format(Locale.ROOT, "%.0f%%", 100 * share), x + CELL / 2, y + CELL / 2 + 16);
    }

    private static void labels(Graphics2D g, ConfusionMatrix matrix, int n) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i < n; i++) {
            String name = matrix.labels().name(i);
            g.drawString(name, LEFT - 8 - fm.stringWidth(name), TOP + i * CELL + CELL / 2 + fm.getAscent() / 2 - 2);
            AffineTransform saved = g.getTransform();
            g.translate(LEFT + i * CELL + CELL / 2 + fm.getAscent() / 2 - 2, TOP + n * CELL + 8);
            g.rotate(Math.PI / 4);
            g.drawString(name, 0, 0);
            g.setTransform(saved);
        }
    }

    private static void centred(Graphics2D g, String text, int cx, int baseline) {
        g.drawString(text, cx - g.getFontMetrics().stringWidth(text) / 2, baseline);
    }
}
