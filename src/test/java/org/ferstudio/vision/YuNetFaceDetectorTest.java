package org.ferstudio.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.ferstudio.model.DetectedFace;
import org.ferstudio.model.FaceBox;
import org.ferstudio.model.FaceLandmarks;
import org.ferstudio.testutil.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YuNetFaceDetectorTest {

    /** Hand-drawn by the dlib authors, see ../shared/photos/README.md. */
    private static final List<FaceBox> GROUP_PHOTO_FACES = List.of(
            new FaceBox(329, 78, 109, 109), new FaceBox(224, 95, 91, 91), new FaceBox(125, 65, 90, 91));
    private static final double MATCH_IOU = 0.5;

    private static YuNetFaceDetector detector;

    private final ImageLoader loader = new ImageLoader();

    @BeforeAll
    static void loadModelOnce() {
        detector = new YuNetFaceDetector();
    }

    @ParameterizedTest
    @CsvSource({"obama.jpg, 1", "two_people.jpg, 2", "2008_002506.jpg, 3"})
    void findsExactlyTheFacesOfTheSamplePhotos(String photo, int faces) throws IOException {
        List<DetectedFace> found = detector.detectFaces(grey(SharedData.photo(photo)));
        assertThat(found).hasSize(faces);
        assertThat(found).allSatisfy(f -> {
            assertThat(f.score()).isBetween(0.8, 1.0);
            assertThat(f.landmarks()).isNotNull();
        });
    }

    @Test
    void findsTheThreeHandDrawnFacesOfTheGroupPhotoWithinTolerance() throws IOException {
        List<FaceBox> found = detector.detect(grey(SharedData.photo("2008_002506.jpg")));

        assertThat(DetectionRecall.evaluate(found, GROUP_PHOTO_FACES, MATCH_IOU)).isEqualTo(new DetectionRecall(3, 3, 3));
    }

    @Test
    void thePortraitsLandmarksLieInsideItsBoxWithTheEyesAboveTheMouth() throws IOException {
        DetectedFace face = detector.detectFaces(grey(SharedData.photo("obama.jpg"))).get(0);
        FaceBox box = face.box();
        FaceLandmarks l = face.landmarks();

        assertThat(l.points()).allSatisfy(p -> {
            assertThat(p.x()).isBetween((double) box.x(), (double) box.x() + box.width());
            assertThat(p.y()).isBetween((double) box.y(), (double) box.y() + box.height());
        });
        double mouthTop = Math.min(l.rightMouthCorner().y(), l.leftMouthCorner().y());
        assertThat(Math.max(l.rightEye().y(), l.leftEye().y())).isLessThan(l.noseTip().y());
        assertThat(l.noseTip().y()).isLessThan(mouthTop);
        // named from the subject's side: the subject's right eye is on the image's left
        assertThat(l.rightEye().x()).isLessThan(l.leftEye().x());
        assertThat(l.rightMouthCorner().x()).isLessThan(l.leftMouthCorner().x());
    }

    @Test
    void findsNothingInAGreyImageAndCopesWithATinyOne() {
        byte[] grey = new byte[640 * 480];
        java.util.Arrays.fill(grey, (byte) 128);
        assertThat(detector.detectFaces(new GreyImage(640, 480, grey))).isEmpty();
        assertThat(detector.detectFaces(new GreyImage(10, 8, new byte[80]))).isEmpty();
        assertThat(detector.detectFaces(new GreyImage(1, 1, new byte[1]))).isEmpty();
    }

    @Test
    void findsTheGroupInA4000By3000ImageInItsPixels() throws IOException {
        GreyImage group = grey(SharedData.photo("2008_002506.jpg"));
        GreyImage large = enlarged(group, 4000, 3000);
        double sx = 4000.0 / group.width();
        double sy = 3000.0 / group.height();
        List<FaceBox> truth = GROUP_PHOTO_FACES.stream().map(b -> new FaceBox((int) Math.round(b.x() * sx),
                (int) Math.round(b.y() * sy), (int) Math.round(b.width() * sx), (int) Math.round(b.height() * sy))).toList();

        List<DetectedFace> found = detector.detectFaces(large);

        assertThat(DetectionRecall.evaluate(found.stream().map(DetectedFace::box).toList(), truth, MATCH_IOU).matched())
                .isEqualTo(3);
        assertThat(found).allSatisfy(f -> assertThat(f.landmarks().noseTip().x()).isBetween(
                (double) f.box().x(), (double) f.box().x() + f.box().width()));
    }

    @Test
    void theClassifiersFramingOfAYuNetBoxIsASquareLikeHaarsBoxOfTheSameFace() throws IOException {
        GreyImage portrait = grey(SharedData.photo("obama.jpg"));
        FaceBox yunetBox = detector.detect(portrait).get(0);
        FaceBox haarBox = new HaarFaceDetector().detect(portrait).get(0);

        FaceBox framed = detector.classifierFraming(yunetBox);

        assertThat(framed.width()).isEqualTo(framed.height()).isGreaterThan(yunetBox.width());
        assertThat(framed.iou(haarBox)).isGreaterThan(yunetBox.iou(haarBox));
    }

    @Test
    void refusesADamagedModelNamingIt() {
        InputStream damaged = new ByteArrayInputStream(new byte[] {8, 1, 2, 3});

        assertThatThrownBy(() -> YuNetFaceDetector.checkedModel("face_detection_yunet_2023mar.onnx", damaged))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("face_detection_yunet_2023mar.onnx").hasMessageContaining("damaged");
        assertThatThrownBy(() -> YuNetFaceDetector.checkedModel("face_detection_yunet_2023mar.onnx", null))
                .hasMessageContaining("face_detection_yunet_2023mar.onnx").hasMessageContaining("missing");
    }

    @Test
    void theBundledModelIsTheExpectedFile() throws IOException {
        try (InputStream in = YuNetFaceDetector.class.getResourceAsStream(YuNetFaceDetector.MODEL_RESOURCE)) {
            assertThat(YuNetFaceDetector.checkedModel(YuNetFaceDetector.MODEL_RESOURCE, in)).hasSize(232_589);
        }
    }

    private GreyImage grey(Path photo) throws IOException {
        return GreyImage.of(loader.load(photo));
    }

    /** Nearest-neighbour enlargement to an exact size. */
    private static GreyImage enlarged(GreyImage image, int width, int height) {
        byte[] pixels = new byte[width * height];
        for (int y = 0; y < height; y++) {
            int sy = (int) ((long) y * image.height() / height);
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = image.pixels()[sy * image.width() + (int) ((long) x * image.width() / width)];
            }
        }
        return new GreyImage(width, height, pixels);
    }
}
