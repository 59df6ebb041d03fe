package org.ferstudio.nets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ferstudio.data.FaceImages;
import org.ferstudio.data.FaceTensors;
import org.ferstudio.face.FaceTranslator;
import org.ferstudio.task.ProgressReporter;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Measures an architecture's training and inference speed on this machine, the way the PyTorch
 * reference ({@code shared/tools/perf-ref}) does: a training step includes turning the batch's bytes
 * into a tensor and reading the loss back; inference includes copying the probabilities back to Java.
 * Pixel values do not change the speed, so the faces are seeded random bytes.
 */
public final class NetworkBenchmark {

    /** One measured figure, printed as {@code key=value name=value ...}. */
    public record Figure(String key, double value, Map<String, String> context) {

        /** A figure with its context given as name, value, name, value... */
        public static Figure of(String key, double value, Object... context) {
            Map<String, String> ctx = new LinkedHashMap<>();
            for (int i = 0; i < context.length; i += 2) {
                ctx.put(context[i].toString(), context[i + 1].toString());
            }
            return new Figure(key, value, ctx);
        }

        public String line() {
            StringBuilder sb = new StringBuilder(key).append('=').append(format(value));
            context.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
            return sb.toString();
        }

        static String format(double v) {
            return Math.abs(v) >= 100 ? String.format("%.1f", v) : String.format("%.3f", v);
        }
    }

    /**
     * @param trainBatches timed training batches (after 3 warm-up batches)
     * @param inferImages  images classified in the timed batch inference pass
     * @param batch1Reps   timed single-face classifications (after 50 warm-up ones)
     */
    public record Settings(int batch, int trainBatches, int inferImages, int batch1Reps) {

        public static Settings defaults() {
            return new Settings(64, 40, 3200, 500);
        }
    }

    private NetworkBenchmark() {
    }

    public static List<Figure> run(Architecture architecture, Settings s, ProgressReporter progress) {
        Nd4jRuntime.initialise();
        int threads = Nd4jRuntime.threads();
        FerNetwork net = architecture.build(new NetworkSpec(7, 1, OptimizerSettings.adam(1e-3), List.of()));
        FaceImages faces = randomFaces(Math.max(s.batch() * 4, s.inferImages()), 7, 1);
        double mflops = net.flopsPerImage() / 1e6;
        List<Figure> figures = new ArrayList<>();

        progress.report(0.0, "training");
        int[] order = new int[faces.size()];
        Arrays.setAll(order, i -> i);
        for (int b = 0; b < 3; b++) {
            trainStep(net, faces, order, b, s.batch());
        }
        CpuUsage cpu = CpuUsage.start();
        long t0 = System.nanoTime();
        for (int b = 0; b < s.trainBatches(); b++) {
            progress.checkCancelled();
            trainStep(net, faces, order, b, s.batch());
            progress.report(0.6 * (b + 1) / s.trainBatches(), "training");
        }
        double trainIps = (double) s.trainBatches() * s.batch() / ((System.nanoTime() - t0) / 1e9);
        figures.add(figure("train_img_per_s", trainIps, cpu.stop(), "batch", s.batch(), "threads", threads,
                "n", s.trainBatches() * s.batch(), "gflop_per_s", String.format("%.1f", 3 * mflops * trainIps / 1e3)));

        progress.report(0.6, "batch inference");
        // inference is measured on the copy the app and the CLI load (NHWC for the block CNNs), not on the
        // training network: that is what a user's photos and video run through
        net = architecture.buildForInference(net.numClasses(), net.params().toFloatVector());
        inferAll(net, faces, s.batch(), s.batch() * 2);
        cpu = CpuUsage.start();
        t0 = System.nanoTime();
        inferAll(net, faces, s.batch(), s.inferImages());
        double inferIps = s.inferImages() / ((System.nanoTime() - t0) / 1e9);
        figures.add(figure("infer_batch" + s.batch() + "_img_per_s", inferIps, cpu.stop(), "batch", s.batch(),
                "threads", threads, "n", s.inferImages(), "gflop_per_s", String.format("%.1f", mflops * inferIps / 1e3)));

        progress.report(0.8, "single-face inference");
        figures.add(batchOne(net, faces, s.batch1Reps(), threads));
        if (threads > 1) {
            Nd4jRuntime.setThreads(1);
            try {
                figures.add(batchOne(net, faces, s.batch1Reps(), 1));
            } finally {
                Nd4jRuntime.setThreads(threads);
            }
        }
        progress.report(1.0, "done");
        figures.add(new Figure("model_mflop_per_image", mflops, Map.of("parameters",
                Long.toString(net.trainableParams()), "arch", architecture.id())));
        return figures;
    }

    private static void trainStep(FerNetwork net, FaceImages faces, int[] order, int b, int batch) {
        int from = (b * batch) % (faces.size() - batch + 1);
        INDArray x = FaceTensors.input(faces, order, from, from + batch);
        int[] y = new int[batch];
        for (int i = 0; i < batch; i++) {
            y[i] = faces.label(from + i);
        }
        net.fit(new DataSet(x, FaceTensors.targets(y, net.numClasses(), 0)));
    }

    private static void inferAll(FerNetwork net, FaceImages faces, int batch, int images) {
        for (int done = 0; done < images; done += batch) {
            int from = done % (faces.size() - batch + 1);
            float[][] p = net.output(FaceTensors.input(faces, null, from, from + batch)).toFloatMatrix();
            if (p.length != batch) {
                throw new IllegalStateException("unexpected output size " + p.length);
            }
        }
    }

    private static Figure batchOne(FerNetwork net, FaceImages faces, int reps, int threads) {
        for (int i = 0; i < 50; i++) {
            net.output(FaceTensors.input(faces, null, i, i + 1)).toFloatVector();
        }
        double[] ms = new double[reps];
        CpuUsage cpu = CpuUsage.start();
        for (int i = 0; i < reps; i++) {
            int idx = i % faces.size();
            long t = System.nanoTime();
            net.output(FaceTensors.input(faces, null, idx, idx + 1)).toFloatVector();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        double[] usage = cpu.stop();
        Arrays.sort(ms);
        return figure("infer_batch1_ms_median", ms[reps / 2], usage, "p10_ms", String.format("%.3f", ms[reps / 10]),
                "p90_ms", String.format("%.3f", ms[reps * 9 / 10]), "batch", 1, "threads", threads, "reps", reps);
    }

    private static Figure figure(String key, double value, double[] usage, Object... context) {
        Map<String, String> ctx = new LinkedHashMap<>(Figure.of(key, value, context).context());
        ctx.put("own_cores", String.format("%.2f", usage[0]));
        ctx.put("other_cores", String.format("%.2f", usage[1]));
        return new Figure(key, value, ctx);
    }

    static FaceImages randomFaces(int n, int numClasses, long seed) {
        Random rng = new Random(seed);
        FaceImages faces = new FaceImages(n);
        byte[] pix = new byte[FaceTranslator.PIXELS];
        for (int i = 0; i < n; i++) {
            rng.nextBytes(pix);
            faces.add(pix, i % numClasses);
        }
        return faces;
    }
}
