package org.ferstudio.infer;

import java.util.List;
import org.ferstudio.face.FacePreprocessor;
import org.ferstudio.face.FaceTranslator;
import org.ferstudio.face.TestTimeAugmentation;
import org.ferstudio.model.ClassLabels;
import org.ferstudio.model.DetectedFace;
import org.ferstudio.model.FaceBox;
import org.ferstudio.model.FaceResult;
import org.ferstudio.model.ModelCard;
import org.ferstudio.nets.FaceClassifier;
import org.ferstudio.store.LoadedModel;
import org.ferstudio.vision.FaceDetector;
import org.ferstudio.vision.GreyImage;

/**
 * The inference service behind the CLI and the GUI: an image in, the faces with their expression
 * probabilities out. The model is loaded once; all faces of an image are classified in one batch;
 * safe to share between threads (the network is used by one thread at a time).
 */
public final class EmotionRecognizer {

    private final ModelCard card;
    private final ClassLabels classes;
    private final FaceClassifier classifier;
    private final FaceDetector detector;
    private final FaceTranslator translator;

    public EmotionRecognizer(LoadedModel model, FaceDetector detector, TestTimeAugmentation tta) {
        this(model, detector, tta, FacePreprocessor.DEFAULT_MARGIN);
    }

    /**
     * The recogniser for live video: the model's video setting (its video member alone for an ensemble that
     * names one) with its lighter augmentation, so that video keeps its frame rate.
     */
    public static EmotionRecognizer forVideo(LoadedModel model, FaceDetector detector) {
        return new EmotionRecognizer(model.forVideo(), detector, model.videoTta());
    }

    public EmotionRecognizer(LoadedModel model, FaceDetector detector, TestTimeAugmentation tta, double margin) {
        this.card = model.card();
        this.classes = model.card().classLabels();
        this.classifier = new FaceClassifier(model.network());
        this.detector = detector;
        this.translator = new FaceTranslator(classes, tta, margin).framedBy(detector::classifierFraming);
    }

    private EmotionRecognizer(EmotionRecognizer base, FaceTranslator translator) {
        this.card = base.card;
        this.classes = base.classes;
        this.classifier = base.classifier;
        this.detector = base.detector;
        this.translator = translator;
    }

    /**
     * This recogniser, levelling each face by its eye landmarks before the crop when {@code align} is on
     * (faces without landmarks, e.g. from the Haar detector, are cropped as they are).
     */
    public EmotionRecognizer withAlignment(boolean align) {
        return new EmotionRecognizer(this, translator.aligned(align));
    }

    public boolean aligns() {
        return translator.aligns();
    }

    public ModelCard card() {
        return card;
    }

    public ClassLabels classes() {
        return classes;
    }

    public FaceDetector detector() {
        return detector;
    }

    /** Detects the faces and classifies them; an empty list when there is no face. */
    public List<FaceResult> recognize(GreyImage image) {
        return classify(image, detector.detectFaces(image));
    }

    /** Classifies faces at known places (e.g. tracked between detections in a video), in one batch. */
    public List<FaceResult> classifyFaces(GreyImage image, List<FaceBox> boxes) {
        return classify(image, boxes.stream().map(DetectedFace::of).toList());
    }

    /**
     * Classifies detected faces in one batch. Each crop is taken from the detector's box mapped to the
     * classifier's framing; the result keeps the detector's own box, score and landmarks.
     */
    public List<FaceResult> classify(GreyImage image, List<DetectedFace> faces) {
        if (faces.isEmpty()) {
            return List.of();
        }
        return classifyInput(faces, networkInput(image, faces));
    }

    /** The crops of {@code faces} as network input: framed, aligned if on, cropped, normalised, TTA views. */
    float[] networkInput(GreyImage image, List<DetectedFace> faces) {
        return translator.processInput(image, faces);
    }

    /** Runs the network on {@link #networkInput} of {@code faces}. */
    List<FaceResult> classifyInput(List<DetectedFace> faces, float[] input) {
        if (faces.isEmpty()) {
            return List.of();
        }
        float[][] probs = classifier.classifyNormalised(input, translator.inputs(faces.size()));
        return translator.processOutput(faces, probs);
    }
}
