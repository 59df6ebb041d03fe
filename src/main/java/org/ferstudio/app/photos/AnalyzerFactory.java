package org.ferstudio.app.photos;

import org.ferstudio.infer.EmotionRecognizer;
import org.ferstudio.infer.PhotoAnalyzer;
import org.ferstudio.store.LoadedModel;
import org.ferstudio.vision.DetectorSettings;
import org.ferstudio.vision.HaarFaceDetector;
import org.ferstudio.vision.ImageLoader;

/**
 * Builds the photo analyser for a model. The face detector does not depend on the model and is slow to
 * create (it loads OpenCV and the cascade), so it is made once, by the first worker that needs it, and
 * shared: {@link HaarFaceDetector} is thread-safe. The recognizer is a thin wrapper and is made per batch.
 */
final class AnalyzerFactory {

    private final ImageLoader loader = new ImageLoader();
    private HaarFaceDetector detector;

    /** Called on worker threads. */
    synchronized PhotoAnalyzer forModel(LoadedModel model) {
        if (detector == null) {
            detector = new HaarFaceDetector(DetectorSettings.defaults());
        }
        return new PhotoAnalyzer(new EmotionRecognizer(model, detector, model.photoTta()), loader);
    }
}
