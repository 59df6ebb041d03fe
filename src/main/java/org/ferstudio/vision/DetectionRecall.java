package org.ferstudio.vision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ferstudio.model.FaceBox;

/**
 * How well detections match hand-drawn face boxes: each true box is matched to at most one detection and
 * vice versa, best overlaps first, a pair counting only at an IoU of at least the threshold.
 */
public record DetectionRecall(int matched, int detections, int truths) {

    /** Matches {@code detected} to {@code truth} one-to-one, greedily by descending IoU. */
    public static DetectionRecall evaluate(List<FaceBox> detected, List<FaceBox> truth, double minIou) {
        List<Pair> pairs = new ArrayList<>();
        for (int d = 0; d < detected.size(); d++) {
            for (int t = 0; t < truth.size(); t++) {
                double iou = detected.get(d).iou(truth.get(t));
                if (iou >= minIou && iou > 0) {
                    pairs.add(new Pair(d, t, iou));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::iou).reversed());
        boolean[] detectionUsed = new boolean[detected.size()];
        boolean[] truthUsed = new boolean[truth.size()];
        int matched = 0;
        for (Pair p : pairs) {
            if (!detectionUsed[p.detection] && !truthUsed[p.truth]) {
                detectionUsed[p.detection] = true;
                truthUsed[p.truth] = true;
                matched++;
            }
        }
        return new DetectionRecall(matched, detected.size(), truth.size());
    }

    /** Share of true faces found, 0..1; 1 when there are none to find. */
    public double recall() {
        return truths == 0 ? 1.0 : (double) matched / truths;
    }

    /** Share of detections that are true faces, 0..1; 1 when nothing was detected. */
    public double precision() {
        return detections == 0 ? 1.0 : (double) matched / detections;
    }

    private record Pair(int detection, int truth, double iou) {
    }
}
