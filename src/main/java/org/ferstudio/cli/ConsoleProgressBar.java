package org.ferstudio.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

import org.ferstudio.task.ProgressReporter;

/**
 * A console progress line: {@code label [#########...........] 45% 12.3 it/s ETA 0:42 message}.
 * On a terminal the line redraws in place at most ten times a second; when the output is a file or a
 * pipe (CI logs) it prints plain lines instead, at most one per 5% or per 10 s, so logs stay short.
 * The rate and ETA are averages since the first report: steadier than per-update rates, and training
 * speed hardly changes after the first batches. Safe to call from a worker thread.
 */
public final class ConsoleProgressBar implements ProgressReporter {

    private static final int BAR_WIDTH = 20;
    private static final int MAX_MESSAGE = 60;
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final long LOG_INTERVAL_NANOS = 10_000_000_000L;
    private static final int LOG_STEPS = 20;

    private final String label;
    private final long totalItems;
    private final PrintStream out;
    private final boolean terminal;
    private final LongSupplier nanoClock;

    private boolean started;
    private long startNanos;
    private long lastDrawNanos;
    private int lastLogStep = -1;
    private int lastLineLength;
    private double fraction = -1;
    private String message = "";
    private double drawnFraction = -1;
    private boolean drawn;
    private boolean dirty;
    private boolean finished;

    /** Progress without a rate, on stderr. */
    public ConsoleProgressBar(String label) {
        this(label, 0);
    }

    /** @param totalItems items the whole job processes (batches, images), for the it/s rate; 0 if unknown */
    public ConsoleProgressBar(String label, long totalItems) {
        this(label, totalItems, System.err, System.console() != null, System::nanoTime);
    }

    ConsoleProgressBar(String label, long totalItems, PrintStream out, boolean terminal, LongSupplier nanoClock) {
        this.label = Objects.requireNonNull(label, "label");
        this.totalItems = totalItems;
        this.out = Objects.requireNonNull(out, "out");
        this.terminal = terminal;
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    @Override
    public synchronized void report(double fraction, String message) {
        if (finished) {
            return;
        }
        long now = start();
        this.fraction = fraction >= 0 ? Math.min(1.0, fraction) : -1; // NaN counts as unknown too
        this.message = message == null ? "" : message;
        dirty = true;
        if (shouldDraw(now)) {
            draw(now);
        }
    }

    /** Shows the final state and ends the line; further reports are ignored. Safe to call twice. */
    public synchronized void done() {
        if (finished) {
            return;
        }
        finished = true;
        long now = start();
        if (terminal) {
            draw(now);
            out.println();
        } else if (!drawn || dirty) {
            draw(now);
        }
        out.flush();
    }

    /** The current time; the first call starts the clock for rate, ETA and elapsed time. */
    private long start() {
        long now = nanoClock.getAsLong();
        if (!started) { // not a -1 sentinel: System.nanoTime() may be negative
            started = true;
            startNanos = now;
        }
        return now;
    }

    private boolean shouldDraw(long now) {
        if (!drawn || (fraction >= 1 && drawnFraction < 1)) {
            return true;
        }
        if (terminal) {
            return now - lastDrawNanos >= REDRAW_NANOS;
        }
        return logStep() > lastLogStep || now - lastDrawNanos >= LOG_INTERVAL_NANOS;
    }

    private int logStep() {
        return fraction < 0 ? lastLogStep : (int) Math.floor(fraction * LOG_STEPS + 1e-9);
    }

    private void draw(long now) {
        String line = render(now);
        if (terminal) {
            // pad with spaces: a shorter line must hide the end of the previous, longer one
            String padding = " ".repeat(Math.max(0, lastLineLength - line.length()));
            out.print("\r" + line + padding);
            lastLineLength = line.length();
        } else {
            out.println(line);
        }
        out.flush();
        drawn = true;
        dirty = false;
        drawnFraction = fraction;
        lastDrawNanos = now;
        lastLogStep = Math.max(lastLogStep, logStep());
    }

    private String render(long now) {
        double seconds = Math.max(0, now - startNanos) / 1e9;
        StringBuilder line = new StringBuilder(label);
        if (fraction < 0) {
            line.append(" [").append(".".repeat(BAR_WIDTH)).append("] ").append(clock(seconds));
        } else {
            int filled = (int) Math.round(fraction * BAR_WIDTH);
            line.append(" [").append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append("] ")
                    .append((int) Math.floor(fraction * 100 + 1e-9)).append('%');
            if (totalItems > 0 && seconds > 0) {
                line.append(String.format(Locale.ROOT, " %.1f it/s", fraction * totalItems / seconds));
            }
            if (fraction > 0 && fraction < 1 && seconds > 0) {
                line.append(" ETA ").append(clock(seconds * (1 - fraction) / fraction));
            }
        }
        if (!message.isEmpty()) {
            line.append(' ').append(shorten(message));
        }
        return line.toString();
    }

    /** m:ss, or h:mm:ss from an hour on. */
    static String clock(double seconds) {
        long total = Math.round(seconds);
        long h = total / 3600;
        long m = total / 60 % 60;
        long s = total % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }

    // a line wider than the terminal wraps, and "\r" then redraws only its last part
    private static String shorten(String text) {
        String oneLine = text.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE - 3) + "...";
    }
}
