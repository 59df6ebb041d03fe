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
 *       are compared (accuracy against the labels and agreement with the Haar crop). Then two things beside
 *       the box mapping: a least-squares framing from YuNet's box and five landmarks (fitted on the even rows,
 *       {@link LandmarkFit}), and Haar's agreement with itself when the face moves: Haar re-detected on the
 *       canvas shifted by whole pixels and scaled by a few percent, its crop's label against the unmoved one.</li>
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
        // -Dstudy.tta=tencrop (or flip) measures with the product's photo setting; none by default
        TestTimeAugmentation tta = TestTimeAugmentation.parse(System.getProperty("study.tta", "none"));
        this.plain = new EmotionRecognizer(model, haar, tta);
        this.yunetFramed = new EmotionRecognizer(model, yunet, tta);
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
        List<DetectedFace> fitYunetBoth = new ArrayList<>();
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
                    fitYunetBoth.add(y);
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
        List<LandmarkFit> landmarkFits = List.of(LandmarkFit.fit("full", LandmarkFit.FULL, fitYunetBoth, fitHaar, out),
                LandmarkFit.fit("compact", LandmarkFit.COMPACT, fitYunetBoth, fitHaar, out));
        evaluate(evalFaces, evalHaar, evalYunet, List.of(YuNetFaceDetector.FRAMING, toFer, toHaar));
        evaluateAgainstReferences(evalFaces, evalHaar, evalYunet, landmarkFits);
    }

    // ---- framing by the landmarks, and Haar's agreement with itself when the face moves ----

    /**
     * A least-squares fit of Haar's square (centre and side) from YuNet's box and five landmarks, in units of
     * YuNet's box width relative to its centre: tx = (Haar cx - cx) / w, ty = (Haar cy - cy) / w, ts = Haar
     * side / w, each a linear function of the features. Fitted once, refitted without the faces whose
     * residual exceeds 3 scaled MADs (a Haar box on something else).
     */
    record LandmarkFit(String name, int features, double[] cx, double[] cy, double[] side) {

        /** 1, h/w, eye midpoint x, y, mouth midpoint x, y (from the box centre), inter-eye, eye-to-mouth (all / w). */
        static final int FULL = 8;
        /** Centre from the eye and mouth midpoints alone, side from the inter-eye and eye-to-mouth distances. */
        static final int COMPACT = 3;

        static double[] features(DetectedFace f) {
            FaceBox b = f.box();
            double w = b.width();
            FaceLandmarksView l = new FaceLandmarksView(f);
            return new double[] {1, b.height() / w, (l.eyeX - b.centerX()) / w, (l.eyeY - b.centerY()) / w,
                    (l.mouthX - b.centerX()) / w, (l.mouthY - b.centerY()) / w, l.eyeDistance / w,
                    l.eyeToMouth / w};
        }

        /** Which features each target uses: all of them (full), or three named ones (compact). */
        static int[] columns(int kind, int target) {
            if (kind == FULL) {
                return new int[] {0, 1, 2, 3, 4, 5, 6, 7};
            }
            return switch (target) {
                case 0 -> new int[] {0, 2, 4};
                case 1 -> new int[] {0, 3, 5};
                default -> new int[] {0, 6, 7};
            };
        }

        static LandmarkFit fit(String name, int kind, List<DetectedFace> yunet, List<FaceBox> haar, PrintStream out) {
            int n = yunet.size();
            double[][] x = new double[n][];
            double[][] t = new double[3][n];
            for (int i = 0; i < n; i++) {
                x[i] = features(yunet.get(i));
                FaceBox y = yunet.get(i).box();
                FaceBox h = haar.get(i);
                t[0][i] = (h.centerX() - y.centerX()) / y.width();
                t[1][i] = (h.centerY() - y.centerY()) / y.width();
                t[2][i] = Math.sqrt((double) h.width() * h.height()) / y.width();
            }
            double[][] coef = new double[3][];
            for (int target = 0; target < 3; target++) {
                int[] cols = columns(kind, target);
                double[] c = leastSquares(x, t[target], cols, null);
                double[] res = residuals(x, t[target], cols, c);
                double mad = 1.4826 * median(Arrays.stream(res).map(Math::abs).toArray());
                boolean[] keep = new boolean[n];
                int kept = 0;
                for (int i = 0; i < n; i++) {
                    keep[i] = Math.abs(res[i]) <= 3 * mad;
                    kept += keep[i] ? 1 : 0;
                }
                c = leastSquares(x, t[target], cols, keep);
                double[] after = residuals(x, t[target], cols, c);
                out.printf(Locale.ROOT, "landmark fit %s, target %s on %d faces (%d kept): coefficients %s;"
                        + " residual RMS %.4f w (target's own spread %.4f w)%n", name, new String[] {"cx", "cy", "side"}[target],
                        n, kept, Arrays.toString(Arrays.stream(c).map(DetectionStudy::round4).toArray()),
                        rms(after, keep), spread(t[target], keep));
                coef[target] = c;
            }
            return new LandmarkFit(name, kind, coef[0], coef[1], coef[2]);
        }

        FaceBox apply(DetectedFace f) {
            double[] x = features(f);
            FaceBox b = f.box();
            double w = b.width();
            double cxv = b.centerX() + dot(x, columns(features, 0), cx) * w;
            double cyv = b.centerY() + dot(x, columns(features, 1), cy) * w;
            int s = Math.max(1, (int) Math.round(dot(x, columns(features, 2), side) * w));
            return new FaceBox((int) Math.round(cxv - s / 2.0), (int) Math.round(cyv - s / 2.0), s, s);
        }

        @Override
        public String toString() {
            return "landmarks-" + name;
        }

        private static double dot(double[] x, int[] cols, double[] c) {
            double v = 0;
            for (int k = 0; k < cols.length; k++) {
                v += x[cols[k]] * c[k];
            }
            return v;
        }

        private static double[] residuals(double[][] x, double[] t, int[] cols, double[] c) {
            double[] r = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                r[i] = t[i] - dot(x[i], cols, c);
            }
            return r;
        }

        /** Normal equations, solved by Gaussian elimination with partial pivoting (at most 8 unknowns). */
        private static double[] leastSquares(double[][] x, double[] t, int[] cols, boolean[] keep) {
            int m = cols.length;
            double[][] a = new double[m][m + 1];
            for (int i = 0; i < t.length; i++) {
                if (keep != null && !keep[i]) {
                    continue;
                }
                for (int r = 0; r < m; r++) {
                    for (int c = 0; c < m; c++) {
                        a[r][c] += x[i][cols[r]] * x[i][cols[c]];
                    }
                    a[r][m] += x[i][cols[r]] * t[i];
                }
            }
            for (int p = 0; p < m; p++) {
                int best = p;
                for (int r = p + 1; r < m; r++) {
                    if (Math.abs(a[r][p]) > Math.abs(a[best][p])) {
                        best = r;
                    }
                }
                double[] tmp = a[p];
                a[p] = a[best];
                a[best] = tmp;
                for (int r = 0; r < m; r++) {
                    if (r != p) {
                        double f = a[r][p] / a[p][p];
                        for (int c = p; c <= m; c++) {
                            a[r][c] -= f * a[p][c];
                        }
                    }
                }
            }
            double[] c = new double[m];
            for (int r = 0; r < m; r++) {
                c[r] = a[r][m] / a[r][r];
            }
            return c;
        }

        private static double rms(double[] v, boolean[] keep) {
            double s = 0;
            int n = 0;
            for (int i = 0; i < v.length; i++) {
                if (keep == null || keep[i]) {
                    s += v[i] * v[i];
                    n++;
                }
            }
            return Math.sqrt(s / n);
        }

        private static double spread(double[] v, boolean[] keep) {
            double mean = 0;
            int n = 0;
            for (int i = 0; i < v.length; i++) {
                if (keep[i]) {
                    mean += v[i];
                    n++;
                }
            }
            mean /= n;
            double s = 0;
            for (int i = 0; i < v.length; i++) {
                if (keep[i]) {
                    s += (v[i] - mean) * (v[i] - mean);
                }
            }
            return Math.sqrt(s / n);
        }
    }

    /** The midpoints and distances the landmark fit uses. */
    private static final class FaceLandmarksView {
        final double eyeX;
        final double eyeY;
        final double mouthX;
        final double mouthY;
        final double eyeDistance;
        final double eyeToMouth;

        FaceLandmarksView(DetectedFace f) {
            var l = f.landmarks();
            eyeX = (l.rightEye().x() + l.leftEye().x()) / 2;
            eyeY = (l.rightEye().y() + l.leftEye().y()) / 2;
            mouthX = (l.rightMouthCorner().x() + l.leftMouthCorner().x()) / 2;
            mouthY = (l.rightMouthCorner().y() + l.leftMouthCorner().y()) / 2;
            eyeDistance = Math.hypot(l.leftEye().x() - l.rightEye().x(), l.leftEye().y() - l.rightEye().y());
            eyeToMouth = Math.hypot(mouthX - eyeX, mouthY - eyeY);
        }
    }

    /** A canvas moved as a face moves in front of a camera: shifted by whole pixels and scaled about its centre. */
    private record Move(int dx, int dy, double scale) {

        GreyImage apply(GreyImage canvas) {
            Mat src = new Mat(canvas.height(), canvas.width(), CvType.CV_8UC1);
            src.put(0, 0, canvas.pixels());
            Mat m = Imgproc.getRotationMatrix2D(new Point(CANVAS / 2.0, CANVAS / 2.0), 0, scale);
            m.put(0, 2, m.get(0, 2)[0] + dx);
            m.put(1, 2, m.get(1, 2)[0] + dy);
            Mat dst = new Mat();
            Imgproc.warpAffine(src, dst, m, src.size(), scale == 1 ? Imgproc.INTER_NEAREST : Imgproc.INTER_LINEAR,
                    Core.BORDER_REPLICATE);
            byte[] pixels = new byte[CANVAS * CANVAS];
            dst.get(0, 0, pixels);
            src.release();
            m.release();
            dst.release();
            return new GreyImage(CANVAS, CANVAS, pixels);
        }

        /** The FER box where the move puts it (the detection nearest it counts). */
        FaceBox ferBox() {
            double c = CANVAS / 2.0;
            double side = FER_BOX.width() * scale;
            return new FaceBox((int) Math.round(c + dx - side / 2), (int) Math.round(c + dy - side / 2),
                    (int) Math.round(side), (int) Math.round(side));
        }
    }

    private void evaluateAgainstReferences(List<Integer> idx, List<FaceBox> haarBoxes, List<DetectedFace> yunetFaces,
                                           List<LandmarkFit> fits) {
        int n = idx.size();
        Random random = new Random(16);
        // the moves: shifts of up to 4 and 8 canvas pixels (1 and 2 pixels of the 48 px face the classifier
        // sees), and a scale of 0.95..1.05 with a shift of up to 4
        String[] moveNames = {"shift<=4px", "shift<=8px", "scale0.95-1.05+shift<=4px"};
        int[] truth = new int[n];
        int[] haarLabel = new int[n];
        int[] yMapped = new int[n];
        int[][] yLandmark = new int[fits.size()][n];
        int[][] haarMoved = new int[moveNames.length][n];
        int[][] yunetMoved = new int[moveNames.length][n];
        int[][][] yLandmarkMoved = new int[fits.size()][moveNames.length][n];
        double[][] landmarkIouWithHaar = new double[fits.size() + 1][n];
        for (int k = 0; k < n; k++) {
            int i = idx.get(k);
            GreyImage canvas = canvas(faces.image(i), 0);
            truth[k] = faces.label(i);
            DetectedFace y = yunetFaces.get(k);
            FaceBox h = haarBoxes.get(k);
            List<FaceBox> boxes = new ArrayList<>(List.of(h, yunet.classifierFraming(y.box())));
            landmarkIouWithHaar[0][k] = yunet.classifierFraming(y.box()).iou(h);
            for (int f = 0; f < fits.size(); f++) {
                boxes.add(fits.get(f).apply(y));
                landmarkIouWithHaar[f + 1][k] = fits.get(f).apply(y).iou(h);
            }
            List<FaceResult> r = plain.classifyFaces(canvas, boxes);
            haarLabel[k] = r.get(0).bestIndex();
            yMapped[k] = r.get(1).bestIndex();
            for (int f = 0; f < fits.size(); f++) {
                yLandmark[f][k] = r.get(2 + f).bestIndex();
            }
            Move[] moves = {
                new Move(shift(random, 4), shift(random, 4), 1),
                new Move(shift(random, 8), shift(random, 8), 1),
                new Move(shift(random, 4), shift(random, 4), 0.95 + 0.1 * random.nextDouble()),
            };
            for (int m = 0; m < moves.length; m++) {
                GreyImage moved = moves[m].apply(canvas);
                FaceBox near = moves[m].ferBox();
                FaceBox hm = nearest(haar.detect(moved), Function.identity(), near);
                DetectedFace ym = nearest(yunet.detectFaces(moved), DetectedFace::box, near);
                List<FaceBox> mb = new ArrayList<>();
                if (hm != null) {
                    mb.add(hm);
                }
                if (ym != null) {
                    mb.add(yunet.classifierFraming(ym.box()));
                    for (LandmarkFit fit : fits) {
                        mb.add(fit.apply(ym));
                    }
                }
                List<FaceResult> rm = mb.isEmpty() ? List.of() : plain.classifyFaces(moved, mb);
                int at = 0;
                haarMoved[m][k] = hm != null ? rm.get(at++).bestIndex() : -1;
                yunetMoved[m][k] = ym != null ? rm.get(at++).bestIndex() : -1;
                for (int f = 0; f < fits.size(); f++) {
                    yLandmarkMoved[f][m][k] = ym != null ? rm.get(at++).bestIndex() : -1;
                }
            }
        }
        out.printf(Locale.ROOT, "%n# agreement with the Haar crop of the unmoved face, on %d held-out faces (odd rows)"
                + " found by both; 95%% interval of a share about +-%.3f at 0.9%n", n, 1.96 * Math.sqrt(0.09 / n));
        out.printf(Locale.ROOT, "  Haar crop: accuracy %.4f%n", agree(haarLabel, truth));
        report("YuNet, box mapping (product)", yMapped, haarLabel, truth, yMapped);
        for (int f = 0; f < fits.size(); f++) {
            report("YuNet, " + fits.get(f), yLandmark[f], haarLabel, truth, yMapped);
        }
        for (int f = 0; f <= fits.size(); f++) {
            out.printf(Locale.ROOT, "  mean IoU with Haar's box, %s: %.4f%n", f == 0 ? "box mapping" : fits.get(f - 1),
                    Arrays.stream(landmarkIouWithHaar[f]).average().orElse(0));
        }
        for (int m = 0; m < moveNames.length; m++) {
            out.printf(Locale.ROOT, "  move %s (canvas px; face 192 px, classifier face 48 px):%n", moveNames[m]);
            report("    Haar re-detected", haarMoved[m], haarLabel, truth, null);
            report("    YuNet re-detected, box mapping", yunetMoved[m], yMapped, truth, null);
            report("    YuNet re-detected, box mapping, vs Haar unmoved", yunetMoved[m], haarLabel, truth, null);
            for (int f = 0; f < fits.size(); f++) {
                report("    YuNet re-detected, " + fits.get(f) + ", vs its own unmoved", yLandmarkMoved[f][m],
                        yLandmark[f], truth, null);
            }
        }
    }

    /**
     * Agreement of {@code labels} with {@code reference} and accuracy, on the faces where both have a label; with
     * {@code paired}, the difference in agreement from it on the same faces and its standard error.
     */
    private void report(String name, int[] labels, int[] reference, int[] truth, int[] paired) {
        int n = 0;
        int same = 0;
        int right = 0;
        double diffSum = 0;
        double diffSq = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || reference[i] < 0) {
                continue;
            }
            n++;
            same += labels[i] == reference[i] ? 1 : 0;
            right += labels[i] == truth[i] ? 1 : 0;
            if (paired != null) {
                double d = (labels[i] == reference[i] ? 1 : 0) - (paired[i] == reference[i] ? 1 : 0);
                diffSum += d;
                diffSq += d * d;
            }
        }
        String diff = "";
        if (paired != null && paired != labels) {
            double mean = diffSum / n;
            double se = Math.sqrt((diffSq / n - mean * mean) / n);
            diff = String.format(Locale.ROOT, ", vs the product mapping %+.4f (SE %.4f)", mean, se);
        }
        out.printf(Locale.ROOT, "  %s: agreement %.4f on %d (of %d), accuracy %.4f%s%n", name, (double) same / n, n,
                labels.length, (double) right / n, diff);
    }

    private static int shift(Random random, int max) {
        int v = 1 + random.nextInt(max);
        return random.nextBoolean() ? v : -v;
    }

    private static <T> T nearest(List<T> found, Function<T, FaceBox> box, FaceBox near) {
        return found.stream().filter(f -> box.apply(f).iou(near) > 0.2)
                .min(Comparator.comparingDouble(f -> Math.hypot(box.apply(f).centerX() - near.centerX(),
                        box.apply(f).centerY() - near.centerY())))
                .orElse(null);
    }

    private static double round4(double v) {
        return Math.round(v * 10000) / 10000.0;
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
