package org.ferstudio.infer.video;

import org.ferstudio.model.FaceBox;

/** A face box with the id of the track it belongs to. */
public record TrackedBox(int trackId, FaceBox box) {
}
