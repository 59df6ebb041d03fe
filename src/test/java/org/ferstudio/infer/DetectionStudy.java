package org.ferstudio.infer;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import org.ferstudio.data.Dataset;
import org.ferstudio.data.DatasetReader;
import org.ferstudio.data.FaceImages;
import org.ferstudio.data.ReadOptions;
import org.ferstudio.face.FacePreprocessor;
import org.ferstudio.face.FaceTranslator;
import org.ferstudio.face.TestTimeAugmentation;
import org.ferstudio.model.DetectedFace;
import org.ferstudio.model.FaceBox;
import org.ferstudio.model.FaceResult;
import org.ferstudio.store.LoadedModel;
import org.ferstudio.store.ModelLocator;
import org.ferstudio.store.ModelStore;
import org.ferstudio.task.ProgressReporter;
import org.ferstudio.vision.FaceAligner;
import org.ferstudio.vision.FaceDetector;
import org.ferstudio.vision.GreyImage;
import org.ferstudio.vision.HaarFaceDetector;
import org.ferstudio.vision.OpenCvRuntime;
import org.ferstudio.vision.YuNetFaceDetector;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The measurements behind docs/DETECTION.md's framing and alignment sections, on FER2013 PublicTest faces
 * (test-scope tool, not part of the product). Each 48x48 face is enlarged 4x (bicubic) and set in the middle
 * of a canvas twice its size with its edges repeated, so the box that {@link FacePreprocessor#cropFace}
 * turns back into exactly the FER2013 face is known ("the FER box").
 *
 * <ul>
 *   <li>{@code framing}: Haar and YuNet run on every canvas; YuNet's box is compared with the FER box to fit a
 *       shift and scale (on the even-numbered faces), and on the odd-numbered ones the emotions from crops of
 *       the FER box, the Haar box, the Haar box moved by a few pixels, YuNet's raw box and YuNet's mapped box
 *       are compared (accuracy against the labels and agreement with the Haar crop).</li>
 *   <li>{@code align}: the canvases rotated by 10-30 degrees either way; accuracy of YuNet crops with and
 *       without eye levelling, and the time levelling costs per face.</li>
 * </ul>
 *
 * Run: {@code java -cp target/classes:target/test-classes:$(cat target/classpath.txt)
 * org.ferstudio.infer.DetectionStudy framing|align [FACES] [fer2013.csv.gz]}.
 */
public final class DetectionStudy {

    private static final int ENLARGE = 4;
    private static final int FACE = FaceTranslator.SIDE * ENLARGE;
    private static final int CANVAS = 2 * FACE;
    /** The box whose crop with the default margin is the whole enlarged face. */
    private static final FaceBox FER_BOX;

    static {
        int side = (int) Math.round(FACE / (1 + 2 * FacePreprocessor.DEFAULT_MARGIN));
        FER_BOX = new FaceBox(CANVAS / 2 - side / 2, CANVAS / 2 - side / 2, side, side);
    }

    private final PrintStream out = System.out;
    private final FaceImages faces;
    private final LoadedModel model;
    private final FaceDetector haar = new HaarFaceDetector();
    private final YuNetFaceDetector yunet = new YuNetFaceDetector();
    private final EmotionRecognizer plain;
    private final EmotionRecognizer yunetFramed;

    private DetectionStudy(FaceImages faces, LoadedModel model) {
        this.faces = faces;
        this.model = model;
        // crops exactly at the boxes given (identity framing), and crops at YuNet's boxes mapped to the framing
        this.plain = new EmotionRecognizer(model, haar, TestTimeAugmentation.NONE);
        this.yunetFramed = new EmotionRecognizer(model, yunet, TestTimeAugmentation.NONE);
    }

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "framing";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Path data = Path.of(args.length > 2 ? args[2] : "../shared/data/fer2013.csv.gz");
        OpenCvRuntime.ensureLoaded();
        Dataset dataset = DatasetReader.read(data, ReadOptions.defaults(), ProgressReporter.NONE);
        FaceImages test = dataset.split("PublicTest");
        LoadedModel model = ModelStore.load(ModelLocator.defaultModel());
        DetectionStudy study = new DetectionStudy(test.head(Math.min(n, test.size())), model);
        System.out.printf(Locale.ROOT, "# model %s, %d PublicTest faces, canvas %dx%d (face %d px), FER box %s%n",
                model.card().name(), study.faces.size(), CANVAS, CANVAS, FACE, FER_BOX);
        if (what.equals("align")) {
            study.alignment();
        } else if (what.equals("photos")) {
            study.photos(Path.of("../shared/photos"));
        } else {
            study.framing();
        }
    }

    // ---- framing ----

    private void framing() {
        List<double[]> fitRows = new ArrayList<>(); // yunet x, y, w, h
        List<double[]> fitRowsBoth = new ArrayList<>();
        List<FaceBox> fitHaar = new ArrayList<>();
        List<Integer> evalFaces = new ArrayList<>();
        List<FaceBox> evalHaar = new ArrayList<>();
        List<DetectedFace> evalYunet = new ArrayList<>();
        int haarFound = 0;
        int yunetFound = 0;
        double[] haarIou = new double[faces.size()];
        double[] yunetIou = new double[faces.size()];
        for (int i = 0; i < faces.size(); i++) {
            GreyImage canvas = canvas(faces.image(i), 0);
            FaceBox h = central(haar.detect(canvas), Function.identity());
            DetectedFace y = central(yunet.detectFaces(canvas), DetectedFace::box);
            haarFound += h != null ? 1 : 0;
            yunetFound += y != null ? 1 : 0;
            haarIou[i] = h == null ? 0 : h.iou(FER_BOX);
            yunetIou[i] = y == null ? 0 : y.box().iou(FER_BOX);
            if (y != null && i % 2 == 0) {
                FaceBox b = y.box();
                fitRows.add(new double[] {b.x(), b.y(), b.width(), b.height()});
                if (h != null) {
                    fitRowsBoth.add(new double[] {b.x(), b.y(), b.width(), b.height()});
                    fitHaar.add(h);
                }
            }
            if (h != null && y != null && i % 2 == 1) {
                evalFaces.add(i);
                evalHaar.add(h);
                evalYunet.add(y);
            }
        }
        out.printf(Locale.ROOT, "found: haar %d, yunet %d of %d; median IoU with the FER box (found only): haar %.3f,"
                + " yunet raw %.3f%n", haarFound, yunetFound, faces.size(), medianPositive(haarIou),
                medianPositive(yunetIou));
        YuNetFaceDetector.Framing toFer = fit("FER", fitRows,
                java.util.Collections.nCopies(fitRows.size(), FER_BOX));
        YuNetFaceDetector.Framing toHaar = fit("Haar", fitRowsBoth, fitHaar);
        out.printf(Locale.ROOT, "  in the product now: %s%n", YuNetFaceDetector.FRAMING);
        evaluate(evalFaces, evalHaar, evalYunet, List.of(YuNetFaceDetector.FRAMING, toFer, toHaar));
    }

    /**
     * Shift of the centre (share of width, height) and side (share of w, h, sqrt(wh)) from YuNet's box to a
     * target box: medians over the faces, with their spread.
     */
    private YuNetFaceDetector.Framing fit(String target, List<double[]> yunetBoxes, List<FaceBox> targets) {
        int n = yunetBoxes.size();
        double[] dx = new double[n];
        double[] dy = new double[n];
        double[] byW = new double[n];
        double[] byH = new double[n];
        double[] byGeo = new double[n];
        for (int i = 0; i < n; i++) {
            double[] r = yunetBoxes.get(i);
            FaceBox t = targets.get(i);
            double cx = r[0] + r[2] / 2;
            double cy = r[1] + r[3] / 2;
            dx[i] = (t.centerX() - cx) / r[2];
            dy[i] = (t.centerY() - cy) / r[3];
            byW[i] = t.width() / r[2];
            byH[i] = t.width() / r[3];
            byGeo[i] = t.width() / Math.sqrt(r[2] * r[3]);
        }
        out.printf(Locale.ROOT, "fit to the %s box on %d faces (even rows): centre shift x %+.4f w (IQR %.4f),"
                + " y %+.4f h (IQR %.4f)%n", target, n, median(dx), iqr(dx), median(dy), iqr(dy));
        out.printf(Locale.ROOT, "  side = %.4f w (CV %.4f) | %.4f h (CV %.4f) | %.4f sqrt(wh) (CV %.4f)%n",
                median(byW), cv(byW), median(byH), cv(byH), median(byGeo), cv(byGeo));
        return new YuNetFaceDetector.Framing(round3(median(dx)), round3(median(dy)), round3(median(byW)));
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private void evaluate(List<Integer> idx, List<FaceBox> haarBoxes, List<DetectedFace> yunetFaces,
                          List<YuNetFaceDetector.Framing> framings) {
        int n = idx.size();
        Random random = new Random(15);
        int[] truth = new int[n];
        int[] fer = new int[n];
        int[] haarLabel = new int[n];
        int[] yRaw = new int[n];
        int[][] mapped = new int[framings.size()][n];
        double[] mappedIou = new double[framings.size()];
        int[] jitterPx = {2, 4};
        int[][] jitter = new int[jitterPx.length][n];
        for (int k = 0; k < n; k++) {
            int i = idx.get(k);
            GreyImage canvas = canvas(faces.image(i), 0);
            truth[k] = faces.label(i);
            FaceBox h = haarBoxes.get(k);
            FaceBox y = yunetFaces.get(k).box();
            List<FaceBox> boxes = new ArrayList<>(List.of(FER_BOX, h, y));
            for (YuNetFaceDetector.Framing f : framings) {
                boxes.add(f.apply(y));
            }
            for (int px : jitterPx) {
                boxes.add(jittered(h, px, random));
            }
            List<FaceResult> r = plain.classifyFaces(canvas, boxes);
            fer[k] = r.get(0).bestIndex();
            haarLabel[k] = r.get(1).bestIndex();
            yRaw[k] = r.get(2).bestIndex();
            for (int f = 0; f < framings.size(); f++) {
                mapped[f][k] = r.get(3 + f).bestIndex();
                mappedIou[f] += framings.get(f).apply(y).iou(FER_BOX) / n;
            }
            for (int j = 0; j < jitterPx.length; j++) {
                jitter[j][k] = r.get(3 + framings.size() + j).bestIndex();
            }
        }
        out.printf(Locale.ROOT, "evaluated on %d faces (odd rows) found by both (accuracy against the labels;"
                + " agreement = same predicted label)%n", n);
        out.printf(Locale.ROOT, "  FER box: accuracy %.4f | Haar box: accuracy %.4f, agreement with FER box %.4f%n",
                agree(fer, truth), agree(haarLabel, truth), agree(haarLabel, fer));
        out.printf(Locale.ROOT, "  YuNet raw box: accuracy %.4f, agreement with Haar %.4f, with FER box %.4f%n",
                agree(yRaw, truth), agree(yRaw, haarLabel), agree(yRaw, fer));
        for (int f = 0; f < framings.size(); f++) {
            out.printf(Locale.ROOT, "  YuNet mapped %s: accuracy %.4f, agreement with Haar %.4f, with FER box %.4f,"
                    + " mean IoU with FER box %.3f%n", framings.get(f), agree(mapped[f], truth),
                    agree(mapped[f], haarLabel), agree(mapped[f], fer), mappedIou[f]);
        }
        for (int j = 0; j < jitterPx.length; j++) {
            out.printf(Locale.ROOT, "  Haar box moved up to +-%d px (x, y and side; face %d px): accuracy %.4f,"
                    + " agreement with Haar %.4f%n", jitterPx[j], FACE, agree(jitter[j], truth),
                    agree(jitter[j], haarLabel));
        }
    }

    // ---- the shared photos: YuNet's mapped box against Haar's on real faces ----

    private void photos(Path folder) throws java.io.IOException {
        org.ferstudio.vision.ImageLoader loader = new org.ferstudio.vision.ImageLoader();
        for (Path file : org.ferstudio.vision.ImageFiles.find(List.of(folder)).files()) {
            GreyImage grey = GreyImage.of(loader.load(file));
            List<FaceBox> haarBoxes = haar.detect(grey);
            for (DetectedFace y : yunet.detectFaces(grey)) {
                FaceBox mapped = yunet.classifierFraming(y.box());
                FaceBox h = haarBoxes.stream().max(Comparator.comparingDouble(b -> b.iou(mapped))).orElse(null);
                List<FaceResult> labels = plain.classifyFaces(grey, h == null ? List.of(y.box(), mapped)
                        : List.of(y.box(), mapped, h));
                out.printf(Locale.ROOT, "%s yunet %s mapped %s haar %s IoU raw-haar %.3f mapped-haar %.3f"
                        + " haar side/yunet w %.3f | labels raw %s mapped %s haar %s%n", file.getFileName(), y.box(),
                        mapped, h, h == null ? 0 : y.box().iou(h), h == null ? 0 : mapped.iou(h),
                        h == null ? 0 : (double) h.width() / y.box().width(), labels.get(0).label(),
                        labels.get(1).label(), h == null ? "-" : labels.get(2).label());
            }
        }
    }

    // ---- alignment ----

    private void alignment() {
        Random random = new Random(30);
        EmotionRecognizer aligned = yunetFramed.withAlignment(true);
        FaceAligner aligner = new FaceAligner();
        int n = faces.size();
        int found = 0;
        int haarFound = 0;
        int[] truth = new int[n];
        int[] upright = new int[n];
        int[] without = new int[n];
        int[] with = new int[n];
        double[] residual = new double[n];
        List<Double> alignMs = new ArrayList<>();
        int k = 0;
        for (int i = 0; i < n; i++) {
            double angle = (10 + 20 * random.nextDouble()) * (random.nextBoolean() ? 1 : -1);
            GreyImage canvas = canvas(faces.image(i), angle);
            haarFound += central(haar.detect(canvas), Function.identity()) != null ? 1 : 0;
            DetectedFace y = central(yunet.detectFaces(canvas), DetectedFace::box);
            if (y == null) {
                continue;
            }
            found++;
            truth[k] = faces.label(i);
            upright[k] = best(plain.classifyFaces(canvas(faces.image(i), 0), List.of(FER_BOX)));
            without[k] = best(yunetFramed.classify(canvas, List.of(y)));
            with[k] = best(aligned.classify(canvas, List.of(y)));
            residual[k] = Math.abs(y.landmarks().eyeLineDegrees() + angle);
            FaceBox framed = yunet.classifierFraming(y.box());
            long t = System.nanoTime();
            aligner.align(canvas, framed, y.landmarks(), FacePreprocessor.DEFAULT_MARGIN);
            alignMs.add((System.nanoTime() - t) / 1e6);
            k++;
        }
        int[] tr = Arrays.copyOf(truth, k);
        out.printf(Locale.ROOT, "rotated 10-30 degrees either way: YuNet found %d of %d, Haar %d of %d%n", found, n,
                haarFound, n);
        out.printf(Locale.ROOT, "  accuracy on YuNet's %d: upright FER crop %.4f, rotated without levelling %.4f,"
                + " with levelling %.4f%n", k, agree(Arrays.copyOf(upright, k), tr), agree(Arrays.copyOf(without, k), tr),
                agree(Arrays.copyOf(with, k), tr));
        out.printf(Locale.ROOT, "  |eye line - true tilt| median %.2f deg, 90th percentile %.2f deg%n",
                median(Arrays.copyOf(residual, k)), percentile(Arrays.copyOf(residual, k), 0.9));
        double[] ms = alignMs.stream().mapToDouble(Double::doubleValue).toArray();
        out.printf(Locale.ROOT, "  levelling cost per face (%d px face): median %.3f ms%n", FACE, median(ms));
        // the same faces upright: does levelling cost accuracy when there is nothing to level?
        int[] uprightWith = new int[n];
        int[] uprightWithout = new int[n];
        int[] uprightTruth = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            GreyImage canvas = canvas(faces.image(i), 0);
            DetectedFace y = central(yunet.detectFaces(canvas), DetectedFace::box);
            if (y == null) {
                continue;
            }
            uprightTruth[m] = faces.label(i);
            uprightWithout[m] = best(yunetFramed.classify(canvas, List.of(y)));
            uprightWith[m] = best(aligned.classify(canvas, List.of(y)));
            m++;
        }
        int[] ut = Arrays.copyOf(uprightTruth, m);
        out.printf(Locale.ROOT, "  upright faces (%d found): without levelling %.4f, with levelling %.4f%n", m,
                agree(Arrays.copyOf(uprightWithout, m), ut), agree(Arrays.copyOf(uprightWith, m), ut));
    }

    // ---- helpers ----

    /** The 48x48 face enlarged 4x into the middle of a canvas twice its size, edges repeated, turned by degrees. */
    static GreyImage canvas(byte[] face48, double degrees) {
        Mat small = new Mat(FaceTranslator.SIDE, FaceTranslator.SIDE, CvType.CV_8UC1);
        small.put(0, 0, face48);
        Mat big = new Mat();
        Imgproc.resize(small, big, new Size(FACE, FACE), 0, 0, Imgproc.INTER_CUBIC);
        Mat padded = new Mat();
        int pad = (CANVAS - FACE) / 2;
        Core.copyMakeBorder(big, padded, pad, pad, pad, pad, Core.BORDER_REPLICATE);
        if (degrees != 0) {
            Mat r = Imgproc.getRotationMatrix2D(new Point(CANVAS / 2.0, CANVAS / 2.0), degrees, 1.0);
            Mat turned = new Mat();
            Imgproc.warpAffine(padded, turned, r, padded.size(), Imgproc.INTER_LINEAR, Core.BORDER_REPLICATE);
            padded.release();
            padded = turned;
        }
        byte[] pixels = new byte[CANVAS * CANVAS];
        padded.get(0, 0, pixels);
        small.release();
        big.release();
        padded.release();
        return new GreyImage(CANVAS, CANVAS, pixels);
    }

    /** The detection nearest the canvas centre that overlaps the FER box, or null. */
    private static <T> T central(List<T> found, Function<T, FaceBox> box) {
        return found.stream().filter(f -> box.apply(f).iou(FER_BOX) > 0.2)
                .min(Comparator.comparingDouble(f -> Math.hypot(box.apply(f).centerX() - CANVAS / 2.0,
                        box.apply(f).centerY() - CANVAS / 2.0)))
                .orElse(null);
    }

    private static FaceBox jittered(FaceBox b, int px, Random random) {
        int dx = random.nextInt(2 * px + 1) - px;
        int dy = random.nextInt(2 * px + 1) - px;
        int ds = random.nextInt(2 * px + 1) - px;
        return new FaceBox(b.x() + dx - ds / 2, b.y() + dy - ds / 2, Math.max(1, b.width() + ds),
                Math.max(1, b.height() + ds));
    }

    private static int best(List<FaceResult> results) {
        return results.get(0).bestIndex();
    }

    private static double agree(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            same += a[i] == b[i] ? 1 : 0;
        }
        return (double) same / a.length;
    }

    private static double median(double[] v) {
        return percentile(v, 0.5);
    }

    private static double percentile(double[] v, double q) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[(int) Math.min(s.length - 1, Math.floor(q * s.length))];
    }

    private static double iqr(double[] v) {
        return percentile(v, 0.75) - percentile(v, 0.25);
    }

    private static double cv(double[] v) {
        double mean = Arrays.stream(v).average().orElse(0);
        double var = Arrays.stream(v).map(x -> (x - mean) * (x - mean)).average().orElse(0);
        return Math.sqrt(var) / mean;
    }

    private static double medianPositive(double[] v) {
        return median(Arrays.stream(v).filter(x -> x > 0).toArray());
    }
}
