package org.ferstudio.infer.video;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ferstudio.model.ClassLabels;

/**
 * Per track of a video: how many frames it was seen in, from when to when, its dominant expression and
 * the share of its frames per expression (by the smoothed label of each frame). Not thread-safe.
 */
public final class TrackSummary {

    private final ClassLabels classes;
    private final Map<Integer, Counts> tracks = new LinkedHashMap<>();

    /**
     * One track's figures.
     *
     * @param shares share of the track's frames per class, in the model's class order, summing to 1
     */
    public record Track(int id, long frames, long firstMs, long lastMs, String dominant, double[] shares) {

        public Track {
            shares = shares.clone();
        }

        @Override
        public double[] shares() {
            return shares.clone();
        }
    }

    public TrackSummary(ClassLabels classes) {
        this.classes = classes;
    }

    public void add(FrameAnalysis frame) {
        for (TrackedFace face : frame.faces()) {
            tracks.computeIfAbsent(face.trackId(), id -> new Counts(classes.size(), frame.timestampMs()))
                    .add(face.result().bestIndex(), frame.timestampMs());
        }
    }

    /** The tracks in order of first appearance. */
    public List<Track> tracks() {
        List<Track> out = new ArrayList<>(tracks.size());
        tracks.forEach((id, c) -> out.add(c.toTrack(id, classes)));
        return out;
    }

    /** A table: one row per track, the share of each expression in percent. */
    public String toFormattedString() {
        if (tracks.isEmpty()) {
            return "no faces found";
        }
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-6s %7s %9s %9s  %-10s", "track", "frames",
                "from", "to", "dominant"));
        for (String name : classes.names()) {
            table.append(String.format(Locale.ROOT, " %8s", shorten(name)));
        }
        for (Track t : tracks()) {
            table.append('\n').append(String.format(Locale.ROOT, "%-6s %7d %8.1fs %8.1fs  %-10s", "#" + t.id(),
                    t.frames(), t.firstMs() / 1000.0, t.lastMs() / 1000.0, shorten(t.dominant())));
            for (double share : t.shares()) {
                table.append(String.format(Locale.ROOT, " %7.0f%%", 100 * share));
            }
        }
        return table.toString();
    }

    private static String shorten(String name) {
        return name.length() <= 8 ? name : name.substring(0, 8);
    }

    private static final class Counts {

        final long[] perClass;
        final long firstMs;
        long lastMs;
        long frames;

        Counts(int classes, long firstMs) {
            this.perClass = new long[classes];
            this.firstMs = firstMs;
        }

        void add(int classIndex, long timeMs) {
            perClass[classIndex]++;
            frames++;
            lastMs = timeMs;
        }

        Track toTrack(int id, ClassLabels classes) {
            int dominant = 0;
            double[] shares = new double[perClass.length];
            for (int c = 0; c < perClass.length; c++) {
                shares[c] = (double) perClass[c] / frames;
                if (perClass[c] > perClass[dominant]) {
                    dominant = c;
                }
            }
            return new Track(id, frames, firstMs, lastMs, classes.name(dominant), shares);
        }
    }
}
