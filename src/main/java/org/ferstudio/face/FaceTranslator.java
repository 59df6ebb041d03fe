package org.ferstudio.face;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.ferstudio.model.ClassLabels;
import org.ferstudio.model.DetectedFace;
import org.ferstudio.model.FaceBox;
import org.ferstudio.model.FaceResult;
import org.ferstudio.vision.FaceAligner;
import org.ferstudio.vision.GreyImage;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The one way between a face and the network, in the manner of DJL's {@code Translator}:
 * {@link #processInput} turns a decoded grey image and the faces found in it (box, and landmarks where the
 * detector gives them) into normalised network input (each box mapped to the classifier's framing, the face
 * levelled by its eyes when alignment is on, cropped, resized to {@link #SIDE}x{@link #SIDE}, then its
 * test-time views), and {@link #processOutput} turns the network's probabilities back into face results that
 * keep the detector's own box, score and landmarks. It owns the face geometry:
 * training data ({@code FaceImages}), augmentation and the architectures all use its {@link #SIDE}.
 * Stateless apart from its settings, so safe to share between threads.
 */
public final class FaceTranslator {

    /** The side of a network face in pixels: FER2013's 48x48 grey faces. */
    public static final int SIDE = 48;
    public static final int PIXELS = SIDE * SIDE;

    private final FacePreprocessor preprocessor = new FacePreprocessor();
    private final ClassLabels classes;
    private final TestTimeAugmentation tta;
    private final double margin;
    private final UnaryOperator<FaceBox> framing;
    private final FaceAligner aligner;

    /**
     * @param classes the model's class names, in its output order
     * @param tta     the views averaged per face
     * @param margin  added around each box on every side, as a share of the box ({@link FacePreprocessor#DEFAULT_MARGIN})
     */
    public FaceTranslator(ClassLabels classes, TestTimeAugmentation tta, double margin) {
        this(classes, tta, margin, UnaryOperator.identity(), null);
    }

    private FaceTranslator(ClassLabels classes, TestTimeAugmentation tta, double margin,
                           UnaryOperator<FaceBox> framing, FaceAligner aligner) {
        this.classes = classes;
        this.tta = tta;
        this.margin = margin;
        this.framing = framing;
        this.aligner = aligner;
    }

    /**
     * This translator, cropping each face from {@code framing} of the detector's box: the classifier learnt
     * FER2013's framing, which a detector with tighter boxes maps its boxes to (docs/DETECTION.md).
     */
    public FaceTranslator framedBy(UnaryOperator<FaceBox> framing) {
        return new FaceTranslator(classes, tta, margin, framing, aligner);
    }

    /** This translator, levelling each face that has landmarks by its eyes before the crop when {@code on}. */
    public FaceTranslator aligned(boolean on) {
        return new FaceTranslator(classes, tta, margin, framing, on ? new FaceAligner() : null);
    }

    public boolean aligns() {
        return aligner != null;
    }

    public ClassLabels classes() {
        return classes;
    }

    public TestTimeAugmentation tta() {
        return tta;
    }

    /** How many network images {@link #processInput} makes for {@code faces} faces. */
    public int inputs(int faces) {
        return faces * tta.views();
    }

    /** Network input for {@code faces}: {@link TestTimeAugmentation#views()} images per face, in order. */
    public float[] processInput(GreyImage image, List<DetectedFace> faces) {
        int views = tta.views();
        float[] input = new float[faces.size() * views * PIXELS];
        for (int i = 0; i < faces.size(); i++) {
            FaceBox framed = framing.apply(faces.get(i).box());
            FaceAligner.View view = aligner == null ? new FaceAligner.View(image, framed)
                    : aligner.align(image, framed, faces.get(i).landmarks(), margin);
            byte[] face = preprocessor.cropFace(view.image(), view.box(), margin);
            tta.views(face, 0, input, i * views * PIXELS);
        }
        return input;
    }

    /**
     * One result per face: the probabilities of its views averaged, from {@code probs} in {@link #processInput}'s
     * order, with the detector's own box, score and landmarks.
     */
    public List<FaceResult> processOutput(List<DetectedFace> faces, float[][] probs) {
        int views = tta.views();
        List<FaceResult> results = new ArrayList<>(faces.size());
        for (int i = 0; i < faces.size(); i++) {
            DetectedFace f = faces.get(i);
            results.add(new FaceResult(f.box(), classes, average(probs, i * views, views), f.score(), f.landmarks()));
        }
        return results;
    }

    /** The network's input layout: {@code n} normalised faces laid out one after another as {@code [n, 1, 48, 48]}. */
    public static INDArray tensor(float[] values, int n) {
        return Nd4j.create(values, new long[] {n, 1, SIDE, SIDE}, 'c');
    }

    /** The mean of {@code count} probability rows from {@code from}: one face's test-time views. */
    public static float[] average(float[][] probs, int from, int count) {
        float[] mean = probs[from].clone();
        for (int v = 1; v < count; v++) {
            float[] p = probs[from + v];
            for (int c = 0; c < mean.length; c++) {
                mean[c] += p[c];
            }
        }
        if (count > 1) {
            for (int c = 0; c < mean.length; c++) {
                mean[c] /= count;
            }
        }
        return mean;
    }
}
