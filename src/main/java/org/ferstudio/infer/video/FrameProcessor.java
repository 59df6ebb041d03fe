package org.ferstudio.infer.video;

import java.util.ArrayList;
import java.util.List;
import org.ferstudio.infer.EmotionRecognizer;
import org.ferstudio.model.FaceResult;
import org.ferstudio.vision.GreyImage;

/**
 * The per-frame work of the live loop, without its threads: detect (when the schedule says so) and
 * track, or re-classify the tracked boxes, then smooth per track. Between detections a face keeps the
 * box it was last detected at. Not thread-safe: one processor per loop.
 */
final class FrameProcessor {

    private final EmotionRecognizer recognizer;
    private final DetectionSchedule schedule;
    private final FaceTracker tracker;
    private final ProbabilitySmoother smoother;
    private List<TrackedBox> tracked = List.of();

    record Result(List<TrackedFace> faces, boolean detected, double processingMs) {
    }

    FrameProcessor(EmotionRecognizer recognizer, DetectionSchedule schedule, FaceTracker tracker,
                   ProbabilitySmoother smoother) {
        this.recognizer = recognizer;
        this.schedule = schedule;
        this.tracker = tracker;
        this.smoother = smoother;
    }

    Result process(GreyImage image) {
        long start = System.nanoTime();
        boolean detect = schedule.detectNext();
        if (detect) {
            FaceTracker.Update update = tracker.update(recognizer.detector().detect(image));
            smoother.forget(update.ended());
            tracked = update.faces();
        }
        List<FaceResult> raw = recognizer.classifyFaces(image, tracked.stream().map(TrackedBox::box).toList());
        List<TrackedFace> faces = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            int id = tracked.get(i).trackId();
            float[] smoothed = smoother.smooth(id, raw.get(i).probabilities());
            faces.add(new TrackedFace(id, new FaceResult(raw.get(i).box(), recognizer.classes(), smoothed)));
        }
        double millis = (System.nanoTime() - start) / 1e6;
        schedule.record(detect, millis);
        return new Result(faces, detect, millis);
    }
}
