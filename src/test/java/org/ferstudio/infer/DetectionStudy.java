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
import org.ferstudio.data.TestTimeAugmentation;
import org.ferstudio.model.DetectedFace;
import org.ferstudio.model.FaceBox;
import org.ferstudio.model.FaceResult;
import org.ferstudio.store.LoadedModel;
import org.ferstudio.store.ModelLocator;
import org.ferstudio.store.ModelStore;
import org.ferstudio.task.ProgressReporter;
import org.ferstudio.vision.FaceAligner;
import org.ferstudio.vision.FaceDetector;
import org.ferstudio.vision.FacePreprocessor;
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
    private static final int FACE = FaceImages.SIDE * ENLARGE;
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
        } else {
            study.framing();
        }
    }

    // ---- framing ----

    private void framing() {
        List<double[]> fitRows = new ArrayList<>(); // yunet x, y, w, h
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
        fit(fitRows);
        evaluate(evalFaces, evalHaar, evalYunet);
    }

    /** Shift of the centre (share of width, height) and side (share of w, h, sqrt(wh)) from YuNet to the FER box. */
    private void fit(List<double[]> rows) {
        int n = rows.size();
        double[] dx = new double[n];
        double[] dy = new double[n];
        double[] byW = new double[n];
        double[] byH = new double[n];
        double[] byGeo = new double[n];
        for (int i = 0; i < n; i++) {
            double[] r = rows.get(i);
            double cx = r[0] + r[2] / 2;
            double cy = r[1] + r[3] / 2;
            dx[i] = (FER_BOX.centerX() - cx) / r[2];
            dy[i] = (FER_BOX.centerY() - cy) / r[3];
            byW[i] = FER_BOX.width() / r[2];
            byH[i] = FER_BOX.width() / r[3];
            byGeo[i] = FER_BOX.width() / Math.sqrt(r[2] * r[3]);
        }
        out.printf(Locale.ROOT, "fit on %d faces (even rows): centre shift x %+.4f w (IQR %.4f), y %+.4f h (IQR %.4f)%n",
                n, median(dx), iqr(dx), median(dy), iqr(dy));
        out.printf(Locale.ROOT, "  side = %.4f w (CV %.4f) | %.4f h (CV %.4f) | %.4f sqrt(wh) (CV %.4f)%n",
                median(byW), cv(byW), median(byH), cv(byH), median(byGeo), cv(byGeo));
        out.printf(Locale.ROOT, "  in the product now: %s%n", YuNetFaceDetector.FRAMING);
    }

    private void evaluate(List<Integer> idx, List<FaceBox> haarBoxes, List<DetectedFace> yunetFaces) {
        int n = idx.size();
        Random random = new Random(15);
        int[] truth = new int[n];
        int[] fer = new int[n];
        int[] haarLabel = new int[n];
        int[] yRaw = new int[n];
        int[] yMapped = new int[n];
        int[][] jitter = new int[3][n];
        int[] jitterPx = {2, 4, 8};
        double mappedIou = 0;
        for (int k = 0; k < n; k++) {
            int i = idx.get(k);
            GreyImage canvas = canvas(faces.image(i), 0);
            truth[k] = faces.label(i);
            FaceBox h = haarBoxes.get(k);
            fer[k] = best(plain.classifyFaces(canvas, List.of(FER_BOX)));
            haarLabel[k] = best(plain.classifyFaces(canvas, List.of(h)));
            yRaw[k] = best(plain.classifyFaces(canvas, List.of(yunetFaces.get(k).box())));
            yMapped[k] = best(yunetFramed.classify(canvas, List.of(yunetFaces.get(k))));
            mappedIou += yunet.classifierFraming(yunetFaces.get(k).box()).iou(FER_BOX);
            for (int j = 0; j < jitterPx.length; j++) {
                jitter[j][k] = best(plain.classifyFaces(canvas, List.of(jittered(h, jitterPx[j], random))));
            }
        }
        out.printf(Locale.ROOT, "evaluated on %d faces (odd rows) found by both; mean IoU of the mapped YuNet box with"
                + " the FER box %.3f%n", n, mappedIou / n);
        out.printf(Locale.ROOT, "  accuracy: FER box %.4f, Haar box %.4f, YuNet raw %.4f, YuNet mapped %.4f%n",
                agree(fer, truth), agree(haarLabel, truth), agree(yRaw, truth), agree(yMapped, truth));
        for (int j = 0; j < jitterPx.length; j++) {
            out.printf(Locale.ROOT, "  Haar moved up to +-%d px (x, y and side; face %d px): accuracy %.4f,"
                    + " agreement with Haar %.4f%n", jitterPx[j], FACE, agree(jitter[j], truth),
                    agree(jitter[j], haarLabel));
        }
        out.printf(Locale.ROOT, "  agreement with Haar: YuNet raw %.4f, YuNet mapped %.4f; with the FER box: Haar %.4f,"
                + " YuNet mapped %.4f%n", agree(yRaw, haarLabel), agree(yMapped, haarLabel), agree(haarLabel, fer),
                agree(yMapped, fer));
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
        Mat small = new Mat(FaceImages.SIDE, FaceImages.SIDE, CvType.CV_8UC1);
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
