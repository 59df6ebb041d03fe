package org.ferstudio.infer.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.ferstudio.face.FacePreprocessor;
import org.ferstudio.face.FaceTranslator;
import org.ferstudio.face.TestTimeAugmentation;
import org.ferstudio.infer.EmotionRecognizer;
import org.ferstudio.model.ClassLabels;
import org.ferstudio.model.DetectedFace;
import org.ferstudio.model.FaceBox;
import org.ferstudio.model.FaceLandmarks;
import org.ferstudio.model.FaceLandmarks.Point;
import org.ferstudio.model.SampleCards;
import org.ferstudio.nets.Architectures;
import org.ferstudio.nets.NetworkSpec;
import org.ferstudio.store.LoadedModel;
import org.ferstudio.testutil.SharedData;
import org.ferstudio.vision.FaceAligner;
import org.ferstudio.vision.FaceDetector;
import org.ferstudio.vision.GreyImage;
import org.ferstudio.vision.ImageLoader;
import org.ferstudio.vision.OpenCvRuntime;
import org.ferstudio.vision.YuNetFaceDetector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/** Levelling in video: frames between detections keep the landmarks, and so the eye line, last detected. */
class FrameProcessorTest {

    @TempDir
    static Path modelDir;

    private static LoadedModel model;

    @BeforeAll
    static void untrainedModel() {
        // untrained: the labels are meaningless, but different crops give different probabilities
        model = new LoadedModel(modelDir, SampleCards.complete(), Architectures.byId("cnn3").build(NetworkSpec.forInference(7)));
    }

    /** Finds the same face with its landmarks on every call, counting the calls. */
    private static final class ScriptedDetector implements FaceDetector {

        final AtomicInteger calls = new AtomicInteger();
        final DetectedFace face;

        ScriptedDetector(DetectedFace face) {
            this.face = face;
        }

        @Override
        public List<FaceBox> detect(GreyImage image) {
            return detectFaces(image).stream().map(DetectedFace::box).toList();
        }

        @Override
        public List<DetectedFace> detectFaces(GreyImage image) {
            calls.incrementAndGet();
            return List.of(face);
        }
    }

    @Test
    void framesBetweenDetectionsAreLevelledByTheLastEyeLine() {
        // eyes 60 px apart, the image-right one 22 px lower: a face turned by atan(22/60) = 20 degrees
        Point rightEye = new Point(130, 110);
        Point leftEye = new Point(190, 132);
        GreyImage frame = withSpots(320, 240, rightEye, leftEye);
        DetectedFace face = new DetectedFace(new FaceBox(110, 70, 100, 120), 0.9,
                new FaceLandmarks(rightEye, leftEye, new Point(155, 150), new Point(140, 170), new Point(175, 180)));
        ScriptedDetector detector = new ScriptedDetector(face);
        EmotionRecognizer plain = new EmotionRecognizer(model, detector, TestTimeAugmentation.NONE);
        EmotionRecognizer levelling = plain.withAlignment(true);
        FrameProcessor processor = new FrameProcessor(levelling, new DetectionSchedule(3, 40), new FaceTracker(),
                new ProbabilitySmoother(0));

        List<FrameProcessor.Result> results = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            results.add(processor.process(frame));
        }

        assertThat(detector.calls).as("detected on the first frame only").hasValue(1);
        assertThat(results).extracting(FrameProcessor.Result::detected).containsExactly(true, false, false);
        float[] levelled = levelling.classify(frame, List.of(face)).get(0).probabilities();
        float[] asItIs = plain.classify(frame, List.of(face)).get(0).probabilities();
        assertThat(levelled).as("levelling changes the crop").isNotEqualTo(asItIs);
        for (FrameProcessor.Result r : results) {
            assertThat(r.faces()).hasSize(1);
            assertThat(r.faces().get(0).result().landmarks()).isEqualTo(face.landmarks());
            assertThat(r.faces().get(0).result().score()).isEqualTo(0.9);
            assertThat(r.faces().get(0).result().probabilities()).as("classified from the levelled crop")
                    .isEqualTo(levelled);
        }
        // and the levelled crop (48x48, what the network sees) has its eyes on one row
        FaceTranslator translator = new FaceTranslator(ClassLabels.FER2013, TestTimeAugmentation.NONE,
                FacePreprocessor.DEFAULT_MARGIN).framedBy(detector::classifierFraming).aligned(true);
        float[] crop = translator.processInput(frame, List.of(face));
        double[] imageLeft = brightCentre(crop, 0, FaceTranslator.SIDE / 2);
        double[] imageRight = brightCentre(crop, FaceTranslator.SIDE / 2, FaceTranslator.SIDE);
        assertThat(imageLeft[1]).isCloseTo(imageRight[1], within(0.5));
    }

    @Test
    void aTurnedPortraitIsLevelledOnTrackedFramesToo() throws Exception {
        OpenCvRuntime.ensureLoaded();
        GreyImage upright = GreyImage.of(new ImageLoader().load(SharedData.photo("obama.jpg")));
        GreyImage turned = turned(upright, 20);
        YuNetFaceDetector yunet = new YuNetFaceDetector();
        EmotionRecognizer levelling = new EmotionRecognizer(model, yunet, TestTimeAugmentation.NONE).withAlignment(true);
        FrameProcessor processor = new FrameProcessor(levelling, new DetectionSchedule(2, 40), new FaceTracker(),
                new ProbabilitySmoother(0));

        FrameProcessor.Result detected = processor.process(turned);
        FrameProcessor.Result tracked = processor.process(turned);

        assertThat(detected.detected()).isTrue();
        assertThat(tracked.detected()).isFalse();
        FaceLandmarks landmarks = tracked.faces().get(0).result().landmarks();
        assertThat(landmarks).as("the tracked frame keeps the detection's landmarks")
                .isEqualTo(detected.faces().get(0).result().landmarks());
        // turned 20 degrees counter-clockwise, the image-right eye is higher; YuNet's landmarks see only part
        // of such a turn (about 11 of the 20 degrees here; docs/DETECTION.md, "Alignment")
        double own = yunet.detectFaces(upright).get(0).landmarks().eyeLineDegrees();
        double seen = landmarks.eyeLineDegrees();
        assertThat(seen).isLessThan(own - 5);
        FaceBox box = tracked.faces().get(0).result().box();
        assertThat(tracked.faces().get(0).result().probabilities())
                .isEqualTo(levelling.classify(turned, List.of(new DetectedFace(box, Double.NaN, landmarks))).get(0)
                        .probabilities());
        // the levelled patch, searched again, has its eyes nearer level by what was seen (padded: YuNet wants
        // some room around a face), and not turned past level
        FaceAligner.View view = new FaceAligner().align(turned, yunet.classifierFraming(box), landmarks,
                FacePreprocessor.DEFAULT_MARGIN);
        List<DetectedFace> again = yunet.detectFaces(padded(view.image(), view.image().width() / 2));
        assertThat(again).isNotEmpty();
        assertThat(again.get(0).landmarks().eyeLineDegrees()).isBetween(seen + 2, own + 1);
    }

    private static GreyImage withSpots(int width, int height, Point... spots) {
        byte[] pixels = new byte[width * height];
        java.util.Arrays.fill(pixels, (byte) 60);
        for (Point p : spots) {
            for (int dy = -3; dy <= 3; dy++) {
                for (int dx = -3; dx <= 3; dx++) {
                    pixels[((int) p.y() + dy) * width + (int) p.x() + dx] = (byte) 255;
                }
            }
        }
        return new GreyImage(width, height, pixels);
    }

    /** Brightness-weighted centre of the bright pixels in columns from..to of a normalised 48x48 crop. */
    private static double[] brightCentre(float[] crop, int from, int to) {
        double sum = 0;
        double sx = 0;
        double sy = 0;
        for (int y = 0; y < FaceTranslator.SIDE; y++) {
            for (int x = from; x < to; x++) {
                double v = Math.max(0, crop[y * FaceTranslator.SIDE + x] - 0.5);
                sum += v;
                sx += v * x;
                sy += v * y;
            }
        }
        return new double[] {sx / sum, sy / sum};
    }

    /** The image turned counter-clockwise by {@code degrees} about its centre, edges repeated. */
    private static GreyImage turned(GreyImage image, double degrees) {
        Mat source = toMat(image);
        Mat rotation = Imgproc.getRotationMatrix2D(new org.opencv.core.Point(image.width() / 2.0, image.height() / 2.0),
                degrees, 1.0);
        Mat out = new Mat();
        Imgproc.warpAffine(source, out, rotation, source.size(), Imgproc.INTER_LINEAR, Core.BORDER_REPLICATE);
        return fromMat(out);
    }

    private static GreyImage padded(GreyImage image, int border) {
        Mat out = new Mat();
        Core.copyMakeBorder(toMat(image), out, border, border, border, border, Core.BORDER_CONSTANT, new Scalar(128));
        return fromMat(out);
    }

    private static Mat toMat(GreyImage image) {
        Mat mat = new Mat(image.height(), image.width(), CvType.CV_8UC1);
        mat.put(0, 0, image.pixels());
        return mat;
    }

    private static GreyImage fromMat(Mat mat) {
        byte[] pixels = new byte[mat.rows() * mat.cols()];
        mat.get(0, 0, pixels);
        return new GreyImage(mat.cols(), mat.rows(), pixels);
    }
}
