package org.ferstudio.infer;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ferstudio.face.TestTimeAugmentation;
import org.ferstudio.eval.FaceTiming;
import org.ferstudio.infer.video.DemoClip;
import org.ferstudio.infer.video.Frame;
import org.ferstudio.infer.video.FrameAnalysis;
import org.ferstudio.infer.video.LiveListener;
import org.ferstudio.infer.video.LiveLoop;
import org.ferstudio.infer.video.LoopStats;
import org.ferstudio.infer.video.VideoSource;
import org.ferstudio.model.FaceBox;
import org.ferstudio.nets.NetworkBenchmark.Figure;
import org.ferstudio.nets.Nd4jRuntime;
import org.ferstudio.store.LoadedModel;
import org.ferstudio.task.ProgressReporter;
import org.ferstudio.vision.DetectorChoice;
import org.ferstudio.vision.DetectorSettings;
import org.ferstudio.vision.FaceDetector;
import org.ferstudio.vision.GreyImage;
import org.ferstudio.vision.HaarFaceDetector;
import org.ferstudio.vision.ImageFiles;
import org.ferstudio.vision.ImageLoader;
import org.ferstudio.vision.YuNetFaceDetector;

/**
 * Speed of the recognition pipeline around the network: face detection (Haar or YuNet) by image size with
 * and without the downscaled detection copy, a folder of photos stage by stage, classification of one face,
 * and a 640x480 video end to end (capture, detection, tracking, classification) as fast as it goes. Uses a
 * real photo for detection.
 */
public final class PipelineBenchmark {

    private static final int[][] SIZES = {{640, 480}, {1280, 720}, {1920, 1080}, {3840, 2160}};

    private PipelineBenchmark() {
    }

    /**
     * @param photos a folder whose photos are run through the whole pipeline stage by stage (decode, detect,
     *               crop, classify), or null to skip that figure
     */
    public static List<Figure> run(LoadedModel model, Path photo, Path photos, DetectorChoice choice,
                                   ProgressReporter progress) throws IOException, InterruptedException {
        List<Figure> figures = new ArrayList<>();
        BufferedImage image = new ImageLoader().load(photo);
        FaceDetector downscaled = choice.forPhotos();
        FaceDetector fullSize = unshrunk(choice);
        for (int i = 0; i < SIZES.length; i++) {
            progress.checkCancelled();
            progress.report(0.4 * i / SIZES.length, "detection " + SIZES[i][0] + "x" + SIZES[i][1]);
            GreyImage grey = GreyImage.of(resized(image, SIZES[i][0], SIZES[i][1]));
            int reps = SIZES[i][0] > 2000 ? 3 : 8;
            figures.add(detection(downscaled, grey, reps, "640"));
            figures.add(detection(fullSize, grey, reps, "off"));
        }

        FaceDetector forVideo = choice.forVideo();
        figures.add(detection(forVideo, GreyImage.of(resized(image, 640, 480)), 8, "320_video_preset"));

        if (photos != null) {
            progress.report(0.4, "photos stage by stage");
            figures.addAll(PhotoStages.run(new EmotionRecognizer(model, downscaled, model.photoTta()),
                    ImageFiles.find(List.of(photos)).files(), 5));
        }

        progress.report(0.5, "classification of one face");
        EmotionRecognizer recognizer = new EmotionRecognizer(model, downscaled, TestTimeAugmentation.NONE);
        GreyImage frame = GreyImage.of(resized(image, 640, 480));
        List<FaceBox> box = List.of(new FaceBox(240, 120, 160, 160));
        int threads = Nd4jRuntime.threads();
        figures.add(classification(recognizer, frame, box, threads));
        if (threads > 1) {
            Nd4jRuntime.setThreads(1);
            try {
                figures.add(classification(recognizer, frame, box, 1));
            } finally {
                Nd4jRuntime.setThreads(threads);
            }
        }

        progress.report(0.7, "video 640x480");
        Path dir = Files.createTempDirectory("fer-bench");
        try {
            Path clip = DemoClip.make(photo, dir.resolve("bench.avi"), 300, 640, 480, 30);
            figures.add(video(recognizer, clip, choice.id() + " photo preset"));
            // as the webcam runs it: the video preset and the model's video setting (an ensemble's video member)
            figures.add(video(EmotionRecognizer.forVideo(model, forVideo), clip, choice.id() + " video preset"));
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
        progress.report(1.0, "done");
        return figures;
    }

    private static FaceDetector unshrunk(DetectorChoice choice) {
        if (choice == DetectorChoice.YUNET) {
            YuNetFaceDetector.Settings y = YuNetFaceDetector.Settings.defaults();
            return new YuNetFaceDetector(new YuNetFaceDetector.Settings(y.scoreThreshold(), y.nmsThreshold(),
                    y.minFaceSizePx(), 0));
        }
        DetectorSettings d = DetectorSettings.defaults();
        return new HaarFaceDetector(new DetectorSettings(d.scaleFactor(), d.minNeighbors(), d.minFaceSizePx(), 0));
    }

    private static Figure detection(FaceDetector detector, GreyImage grey, int reps, String downscale) {
        detector.detect(grey);
        double[] ms = new double[reps];
        int faces = 0;
        for (int r = 0; r < reps; r++) {
            long t = System.nanoTime();
            faces = detector.detect(grey).size();
            ms[r] = (System.nanoTime() - t) / 1e6;
        }
        return Figure.of("detect_ms_median", FaceTiming.median(ms), "detector", detector.name(),
                "size", grey.width() + "x" + grey.height(),
                "downscale", downscale, "faces", faces, "reps", reps);
    }

    private static Figure classification(EmotionRecognizer recognizer, GreyImage frame, List<FaceBox> box,
                                         int threads) {
        for (int i = 0; i < 30; i++) {
            recognizer.classifyFaces(frame, box);
        }
        double[] ms = new double[300];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            recognizer.classifyFaces(frame, box);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        return Figure.of("classify_face_ms_median", FaceTiming.median(ms), "includes", "crop+resize+network", "threads", threads,
                "reps", ms.length);
    }

    private static Figure video(EmotionRecognizer recognizer, Path clip, String detector)
            throws IOException, InterruptedException {
        LiveLoop loop = new LiveLoop(VideoSource.openFile(clip), recognizer,
                new LiveLoop.Settings(0, 0.5, false, 0), new LiveListener() {
                    @Override
                    public void onFrame(Frame frame, FrameAnalysis analysis) {
                    }

                    @Override
                    public void onError(Throwable error) {
                        throw new IllegalStateException("video benchmark failed: " + error.getMessage(), error);
                    }
                });
        loop.start();
        LoopStats stats = loop.awaitEnd();
        return Figure.of("video_640x480_fps", stats.fps(), "detector", detector.replace(' ', '_'),
                "frames", stats.framesProcessed(), "detect_every", "auto",
                "mean_frame_ms", String.format("%.1f", stats.meanProcessingMs()));
    }

    /** The photo fitted into a w x h frame without distortion, grey bars around it. */
    private static BufferedImage resized(BufferedImage src, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(java.awt.Color.GRAY);
        g.fillRect(0, 0, w, h);
        double scale = Math.min((double) w / src.getWidth(), (double) h / src.getHeight());
        int sw = (int) Math.round(src.getWidth() * scale);
        int sh = (int) Math.round(src.getHeight() * scale);
        g.drawImage(src, (w - sw) / 2, (h - sh) / 2, sw, sh, null);
        g.dispose();
        return out;
    }
}
