package org.ferstudio.app.photos;

import java.util.EnumMap;
import java.util.Map;
import org.ferstudio.infer.EmotionRecognizer;
import org.ferstudio.infer.PhotoAnalyzer;
import org.ferstudio.store.LoadedModel;
import org.ferstudio.vision.DetectorChoice;
import org.ferstudio.vision.FaceDetector;
import org.ferstudio.vision.ImageLoader;

/**
 * Builds the photo analyser for a model and a detector. A face detector does not depend on the model and
 * is slow to create (it loads OpenCV and its model), so each is made once, by the first worker that needs
 * it, and shared: detectors are thread-safe. The recognizer is a thin wrapper and is made per batch.
 */
final class AnalyzerFactory {

    private final ImageLoader loader = new ImageLoader();
    private final Map<DetectorChoice, FaceDetector> detectors = new EnumMap<>(DetectorChoice.class);

    /** Called on worker threads. */
    synchronized PhotoAnalyzer forModel(LoadedModel model, DetectorChoice choice, boolean align) {
        FaceDetector detector = detectors.computeIfAbsent(choice, DetectorChoice::forPhotos);
        return new PhotoAnalyzer(new EmotionRecognizer(model, detector, model.photoTta()).withAlignment(align), loader);
    }
}
