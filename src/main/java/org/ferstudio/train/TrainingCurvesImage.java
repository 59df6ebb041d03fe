package org.ferstudio.train;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.ferstudio.io.AtomicFiles;

/**
 * Draws a training run's per-epoch curves for reports: loss on the left, accuracy on the right, training
 * in orange, validation in blue and, for runs with a weight average, the average's validation in green; the
 * best epoch marked, and the epochs where a plateau schedule lowered the learning rate. The history comes
 * from a checkpoint folder's state, so the picture of a run can be redrawn at any time.
 */
public final class TrainingCurvesImage {

    private static final int PANEL_W = 460;
    private static final int PANEL_H = 320;
    private static final int MARGIN = 56;
    private static final Color TRAIN = new Color(0xEF6C00);
    private static final Color VALIDATION = new Color(0x1565C0);
    private static final Color AVERAGE = new Color(0x2E7D32);
    private static final Color NOTE = new Color(0x757575);
    /** More learning-rate changes than this (a cosine schedule changes it every epoch) are summed up in the legend. */
    private static final int MAX_MARKED_RATE_CHANGES = 12;

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
            panel(g, history, MARGIN, top, "loss", EpochResult::trainLoss, EpochResult::validationLoss,
                    EpochResult::averageValidationLoss, false);
            Scale accuracy = panel(g, history, 2 * MARGIN + PANEL_W, top, "accuracy", EpochResult::trainAccuracy,
                    EpochResult::validationAccuracy, EpochResult::averageValidationAccuracy, true);
            List<EpochResult> changes = rateChanges(history);
            boolean marked = changes.size() <= MAX_MARKED_RATE_CHANGES;
            if (marked) {
                markRateChanges(g, accuracy, changes);
            }
            legend(g, MARGIN, height - 16, history.stream().anyMatch(e -> e.averageValidationAccuracy() != null),
                    marked ? "" : String.format(Locale.ROOT, "learning rate %s to %s", rate(history.get(0).learningRate()),
                            rate(history.get(history.size() - 1).learningRate())));
        } finally {
            g.dispose();
        }
        return image;
    }

    public static void writePng(List<EpochResult> history, String title, Path file) throws IOException {
        AtomicFiles.writePng(file, draw(history, title));
    }

    private static Scale panel(Graphics2D g, List<EpochResult> h, int x, int y, String name,
                               Function<EpochResult, Double> train, Function<EpochResult, Double> validation,
                               Function<EpochResult, Double> average, boolean percent) {
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (EpochResult e : h) {
            for (Double v : new Double[] {train.apply(e), validation.apply(e), average.apply(e)}) {
                if (v != null) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
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
        line(g, s, h, average, AVERAGE);
        line(g, s, h, validation, VALIDATION);
        return s;
    }

    /** The epochs whose learning rate differs from the epoch before. */
    static List<EpochResult> rateChanges(List<EpochResult> h) {
        List<EpochResult> changes = new ArrayList<>();
        for (int i = 1; i < h.size(); i++) {
            if (h.get(i).learningRate() != h.get(i - 1).learningRate()) {
                changes.add(h.get(i));
            }
        }
        return changes;
    }

    /** A grey tick at the bottom of the panel and the new rate beside it, for each change. */
    private static void markRateChanges(Graphics2D g, Scale s, List<EpochResult> changes) {
        g.setColor(NOTE);
        g.setStroke(new BasicStroke(1f));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        int bottom = s.top + PANEL_H;
        for (int i = 0; i < changes.size(); i++) {
            EpochResult e = changes.get(i);
            int px = s.x(e.epoch());
            g.drawLine(px, bottom, px, bottom - 10);
            String label = "lr " + rate(e.learningRate());
            int width = g.getFontMetrics().stringWidth(label);
            // staggered in two rows so that close changes stay readable; left of the tick near the right edge
            g.drawString(label, px + 2 + width > s.left + PANEL_W ? px - 2 - width : px + 2, bottom - 14 - (i % 2) * 12);
        }
    }

    private static String rate(double lr) {
        return new BigDecimal(lr).round(new MathContext(2)).stripTrailingZeros().toPlainString();
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

    /** The values as a line with a dot per epoch; epochs without a value (null) break it. */
    private static void line(Graphics2D g, Scale s, List<EpochResult> h, Function<EpochResult, Double> value,
                             Color colour) {
        g.setColor(colour);
        g.setStroke(new BasicStroke(2.2f));
        Path2D path = new Path2D.Double();
        boolean open = false;
        for (EpochResult e : h) {
            Double v = value.apply(e);
            if (v == null) {
                open = false;
                continue;
            }
            int px = s.x(e.epoch());
            int py = s.y(v);
            if (open) {
                path.lineTo(px, py);
            } else {
                path.moveTo(px, py);
                open = true;
            }
            g.fillOval(px - 3, py - 3, 6, 6);
        }
        g.draw(path);
    }

    private static void legend(Graphics2D g, int x, int baseline, boolean withAverage, String rateNote) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int at = legendEntry(g, x, baseline, TRAIN, "training (augmented batches)");
        at = legendEntry(g, at, baseline, VALIDATION, "validation");
        if (withAverage) {
            at = legendEntry(g, at, baseline, AVERAGE, "validation, weight average (EMA)");
        }
        if (!rateNote.isEmpty()) {
            g.setColor(NOTE);
            g.drawString(rateNote, at, baseline);
        }
    }

    /** A colour swatch and its text; returns where the next entry starts. */
    private static int legendEntry(Graphics2D g, int x, int baseline, Color colour, String text) {
        g.setColor(colour);
        g.fillRect(x, baseline - 9, 18, 4);
        g.setColor(Color.BLACK);
        g.drawString(text, x + 24, baseline);
        return x + 24 + g.getFontMetrics().stringWidth(text) + 28;
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
