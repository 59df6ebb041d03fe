package org.ferstudio.infer.video;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ferstudio.model.FaceBox;

/**
 * Gives the faces of a video stable ids: each detection continues the track whose last box it overlaps
 * most (greedy, highest IoU first), unmatched detections start new tracks, and a track survives a few
 * detections that miss it, because Haar detection flickers on single frames. Pure logic; not thread-safe.
 */
public final class FaceTracker {

    public static final double DEFAULT_MIN_IOU = 0.3;
    public static final int DEFAULT_MAX_MISSED = 5;

    private final double minIou;
    private final int maxMissed;
    private final Map<Integer, Track> tracks = new LinkedHashMap<>();
    private int nextId = 1;

    /** What one detection step changed. */
    public record Update(List<TrackedBox> faces, List<Integer> ended) {

        public Update {
            faces = List.copyOf(faces);
            ended = List.copyOf(ended);
        }
    }

    public FaceTracker() {
        this(DEFAULT_MIN_IOU, DEFAULT_MAX_MISSED);
    }

    /**
     * @param minIou    the least overlap for a detection to continue a track, in (0, 1]
     * @param maxMissed detections in a row a track may be missing from before it ends
     */
    public FaceTracker(double minIou, int maxMissed) {
        if (!(minIou > 0 && minIou <= 1)) {
            throw new IllegalArgumentException("minimum IoU must be in (0, 1], got " + minIou);
        }
        if (maxMissed < 0) {
            throw new IllegalArgumentException("missed detections must be 0 or more, got " + maxMissed);
        }
        this.minIou = minIou;
        this.maxMissed = maxMissed;
    }

    /**
     * Matches one frame's detections to the tracks.
     *
     * @return the detected faces with their track ids (in detection order), and the tracks that ended
     */
    public Update update(List<FaceBox> detections) {
        TrackedBox[] matched = new TrackedBox[detections.size()];
        Set<Integer> seen = new HashSet<>();
        for (Candidate c : candidates(detections)) {
            if (matched[c.detection] == null && !seen.contains(c.trackId)) {
                matched[c.detection] = new TrackedBox(c.trackId, detections.get(c.detection));
                seen.add(c.trackId);
            }
        }
        List<Integer> ended = ageUnseen(seen);
        List<TrackedBox> faces = new ArrayList<>(detections.size());
        for (int i = 0; i < matched.length; i++) {
            TrackedBox face = matched[i] != null ? matched[i] : new TrackedBox(nextId++, detections.get(i));
            tracks.put(face.trackId(), new Track(face.box(), 0));
            faces.add(face);
        }
        return new Update(faces, ended);
    }

    /** Ids of the tracks alive now, including those missed by the latest detections. */
    public List<Integer> liveIds() {
        return List.copyOf(tracks.keySet());
    }

    private List<Candidate> candidates(List<FaceBox> detections) {
        List<Candidate> pairs = new ArrayList<>();
        for (Map.Entry<Integer, Track> t : tracks.entrySet()) {
            for (int d = 0; d < detections.size(); d++) {
                double iou = t.getValue().box.iou(detections.get(d));
                if (iou >= minIou) {
                    pairs.add(new Candidate(t.getKey(), d, iou));
                }
            }
        }
        // ties go to the older track (lower id), so the result does not depend on map order
        pairs.sort(Comparator.comparingDouble(Candidate::iou).reversed().thenComparingInt(Candidate::trackId));
        return pairs;
    }

    private List<Integer> ageUnseen(Set<Integer> seen) {
        List<Integer> ended = new ArrayList<>();
        for (Iterator<Map.Entry<Integer, Track>> it = tracks.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Integer, Track> t = it.next();
            if (seen.contains(t.getKey())) {
                continue;
            }
            int missed = t.getValue().missed + 1;
            if (missed > maxMissed) {
                it.remove();
                ended.add(t.getKey());
            } else {
                t.setValue(new Track(t.getValue().box, missed));
            }
        }
        return ended;
    }

    private record Track(FaceBox box, int missed) {
    }

    private record Candidate(int trackId, int detection, double iou) {
    }
}
