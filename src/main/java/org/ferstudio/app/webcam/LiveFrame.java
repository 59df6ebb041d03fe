package org.ferstudio.app.webcam;

import org.ferstudio.infer.video.FrameAnalysis;

/** What the webcam pane shows: one frame's pixels and what the live loop found in it. */
public record LiveFrame(FramePixels pixels, FrameAnalysis analysis) {
}
