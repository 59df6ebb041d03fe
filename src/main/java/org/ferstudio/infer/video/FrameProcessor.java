package org.ferstudio.infer.video;

import java.util.ArrayList;
import java.util.List;
import org.ferstudio.infer.EmotionRecognizer;
import org.ferstudio.model.DetectedFace;
import org.ferstudio.model.FaceResult;
import org.ferstudio.vision.GreyImage;

/**
 * The per-frame work of the live loop, without its threads: detect (when the schedule says so) and
 * track, or re-classify the tracked faces, then smooth per track. Between detections a face keeps what it
 * was last detected with: its box and, where the detector gives them, its score and landmarks, so a
 * recogniser that levels faces by their eyes levels tracked frames by the last eye line seen (the box does
 * not move between detections, so the landmarks stay where they were found on it). Not thread-safe: one
 * processor per loop.
 */
final class FrameProcessor {

    private final EmotionRecognizer recognizer;
    private final DetectionSchedule schedule;
    private final FaceTracker tracker;
    private final ProbabilitySmoother smoother;
    private List<Integer> trackIds = List.of();
    private List<DetectedFace> tracked = List.of();

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
            List<DetectedFace> found = recognizer.detector().detectFaces(image);
            FaceTracker.Update update = tracker.update(found.stream().map(DetectedFace::box).toList());
            smoother.forget(update.ended());
            // the update lists the faces in detection order
            trackIds = update.faces().stream().map(TrackedBox::trackId).toList();
            tracked = found;
        }
        List<FaceResult> raw = recognizer.classify(image, tracked);
        List<TrackedFace> faces = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            int id = trackIds.get(i);
            FaceResult r = raw.get(i);
            float[] smoothed = smoother.smooth(id, r.probabilities());
            faces.add(new TrackedFace(id, new FaceResult(r.box(), recognizer.classes(), smoothed, r.score(),
                    r.landmarks())));
        }
        double millis = (System.nanoTime() - start) / 1e6;
        schedule.record(detect, millis);
        return new Result(faces, detect, millis);
    }
}
