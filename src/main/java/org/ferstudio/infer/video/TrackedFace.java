package org.ferstudio.infer.video;

import org.ferstudio.model.FaceResult;

/** A face in a video frame: its track id and its (smoothed) expression probabilities. */
public record TrackedFace(int trackId, FaceResult result) {
}
