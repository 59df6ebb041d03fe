package org.ferstudio.train;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.ferstudio.io.AtomicFiles;

/**
 * Draws a training run's per-epoch curves for reports: loss on the left, accuracy on the right, training
 * in orange and validation in blue, the best epoch marked. The history comes from a checkpoint folder's
 * state, so the picture of a run can be redrawn at any time.
 */
public final class TrainingCurvesImage {

    private static final int PANEL_W = 460;
    private static final int PANEL_H = 320;
    private static final int MARGIN = 56;
    private static final Color TRAIN = new Color(0xEF6C00);
    private static final Color VALIDATION = new Color(0x1565C0);

    private TrainingCurvesImage() {
    }

    public static BufferedImage draw(List<EpochResult> history, String title) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("no epochs to draw: the run has not finished an epoch yet");
        }
        int width = 2 * (PANEL_W + MARGIN) + MARGIN;
        int height = PANEL_H + 2 * MARGIN + 40;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(title, MARGIN, 28);
            int top = MARGIN + 20;
            panel(g, history, MARGIN, top, "loss", EpochResult::trainLoss, EpochResult::validationLoss, false);
            panel(g, history, 2 * MARGIN + PANEL_W, top, "accuracy", EpochResult::trainAccuracy,
                    EpochResult::validationAccuracy, true);
            legend(g, MARGIN, height - 16);
        } finally {
            g.dispose();
        }
        return image;
    }

    public static void writePng(List<EpochResult> history, String title, Path file) throws IOException {
        AtomicFiles.writePng(file, draw(history, title));
    }

    private static void panel(Graphics2D g, List<EpochResult> h, int x, int y, String name,
                              ToDoubleFunction<EpochResult> train, ToDoubleFunction<EpochResult> validation,
                              boolean percent) {
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (EpochResult e : h) {
            lo = Math.min(lo, Math.min(train.applyAsDouble(e), validation.applyAsDouble(e)));
            hi = Math.max(hi, Math.max(train.applyAsDouble(e), validation.applyAsDouble(e)));
        }
        double pad = Math.max(1e-3, (hi - lo) * 0.08);
        Scale s = new Scale(x, y, h.size(), lo - pad, hi + pad);
        axes(g, s, name, percent);
        int best = h.stream().filter(EpochResult::best).mapToInt(EpochResult::epoch).max().orElse(-1);
        if (best > 0) {
            g.setColor(new Color(0x9E9E9E));
            g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
            int bx = s.x(best);
            g.drawLine(bx, y, bx, y + PANEL_H);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            String label = "best " + best;
            int width = g.getFontMetrics().stringWidth(label);
            g.drawString(label, bx + 3 + width > x + PANEL_W ? bx - 3 - width : bx + 3, y + 12);
        }
        line(g, s, h, train, TRAIN);
        line(g, s, h, validation, VALIDATION);
    }

    private static void axes(Graphics2D g, Scale s, String name, boolean percent) {
        g.setStroke(new BasicStroke(1f));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int i = 0; i <= 5; i++) {
            double v = s.lo + (s.hi - s.lo) * i / 5;
            int py = s.y(v);
            g.setColor(new Color(0xEEEEEE));
            g.drawLine(s.left, py, s.left + PANEL_W, py);
            g.setColor(Color.DARK_GRAY);
            String label = percent ? String.format(Locale.ROOT, "%.0f%%", 100 * v) : String.format(Locale.ROOT, "%.2f", v);
            g.drawString(label, s.left - 6 - g.getFontMetrics().stringWidth(label), py + 4);
        }
        int step = Math.max(1, (int) Math.ceil(s.epochs / 10.0));
        for (int e = 1; e <= s.epochs; e += step) {
            String label = Integer.toString(e);
            g.drawString(label, s.x(e) - g.getFontMetrics().stringWidth(label) / 2, s.top + PANEL_H + 16);
        }
        g.setColor(Color.BLACK);
        g.drawRect(s.left, s.top, PANEL_W, PANEL_H);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(name + " per epoch", s.left, s.top - 8);
    }

    private static void line(Graphics2D g, Scale s, List<EpochResult> h, ToDoubleFunction<EpochResult> value,
                             Color colour) {
        g.setColor(colour);
        g.setStroke(new BasicStroke(2.2f));
        Path2D path = new Path2D.Double();
        for (int i = 0; i < h.size(); i++) {
            EpochResult e = h.get(i);
            int px = s.x(e.epoch());
            int py = s.y(value.applyAsDouble(e));
            if (i == 0) {
                path.moveTo(px, py);
            } else {
                path.lineTo(px, py);
            }
            g.fillOval(px - 3, py - 3, 6, 6);
        }
        g.draw(path);
    }

    private static void legend(Graphics2D g, int x, int baseline) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(TRAIN);
        g.fillRect(x, baseline - 9, 18, 4);
        g.setColor(Color.BLACK);
        g.drawString("training (augmented batches)", x + 24, baseline);
        g.setColor(VALIDATION);
        g.fillRect(x + 230, baseline - 9, 18, 4);
        g.setColor(Color.BLACK);
        g.drawString("validation", x + 254, baseline);
    }

    /** Maps epochs and values to pixels inside one panel. */
    private record Scale(int left, int top, int epochs, double lo, double hi) {

        int x(int epoch) {
            return epochs == 1 ? left + PANEL_W / 2 : left + (int) Math.round((epoch - 1) * (PANEL_W - 20.0) / (epochs - 1)) + 10;
        }

        int y(double v) {
            return top + PANEL_H - (int) Math.round((v - lo) / (hi - lo) * PANEL_H);
        }
    }
}
