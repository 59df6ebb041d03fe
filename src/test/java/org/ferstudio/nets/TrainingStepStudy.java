package org.ferstudio.nets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Measures what each of our lean layers saves in a training step of the 3-block CNN, against DL4J's own layers, in
 * one process with the variants interleaved every few steps, so that the host's drift (10% and more between runs
 * on the project's VM) falls on all of them alike. Not a test: run it by hand on a quiet machine, e.g.
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * OMP_NUM_THREADS=2 java -Dorg.eclipse.deeplearning4j.helpers.disable=false \
 *     -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) org.ferstudio.nets.TrainingStepStudy [rounds]
 * </pre>
 * Prints the median milliseconds per step of batch 64 and images per second for each variant.
 */
public final class TrainingStepStudy {

    private static final int BATCH = 64;
    private static final int STEPS_PER_TURN = 4;

    private TrainingStepStudy() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        Nd4jRuntime.initialise();
        NetworkSpec spec = new NetworkSpec(7, 1, OptimizerSettings.adam(1e-3), List.of());
        Map<String, MultiLayerNetwork> variants = new LinkedHashMap<>();
        variants.put("DL4J's own layers", network(spec, BlockCnnArchitecture.LayerKit.STOCK, 0));
        variants.put("+ lean convolution", network(spec, BlockCnnArchitecture.LayerKit.LEAN_CONVOLUTION, 0));
        variants.put("+ lean ReLU", network(spec, BlockCnnArchitecture.LayerKit.LEAN, 0));
        variants.put("+ lean batch-norm statistics", network(spec, BlockCnnArchitecture.LayerKit.LEAN, 1));
        variants.put("+ lean batch-norm backward", network(spec, BlockCnnArchitecture.LayerKit.LEAN, 2));
        Nd4j.getRandom().setSeed(1);
        DataSet batch = new DataSet(Nd4j.rand(DataType.FLOAT, BATCH, 1, 48, 48),
                Nd4j.eye(7).getRows(new java.util.Random(2).ints(BATCH, 0, 7).toArray()).castTo(DataType.FLOAT));
        Map<String, List<Double>> ms = new LinkedHashMap<>();
        variants.forEach((name, net) -> {
            for (int i = 0; i < 5; i++) {
                net.fit(batch);
            }
            ms.put(name, new ArrayList<>());
        });
        List<String> names = new ArrayList<>(variants.keySet());
        for (int r = 0; r < rounds; r++) {
            for (int v = 0; v < names.size(); v++) {
                String name = names.get((v + r) % names.size()); // rotate who goes first
                MultiLayerNetwork net = variants.get(name);
                for (int s = 0; s < STEPS_PER_TURN; s++) {
                    long t = System.nanoTime();
                    net.fit(batch);
                    ms.get(name).add((System.nanoTime() - t) / 1e6);
                }
            }
        }
        double base = median(ms.get(names.get(0)));
        System.out.printf("threads=%d rounds=%d steps_per_variant=%d batch=%d%n", Nd4jRuntime.threads(), rounds,
                rounds * STEPS_PER_TURN, BATCH);
        ms.forEach((name, times) -> {
            double m = median(times);
            System.out.printf("%-32s %7.1f ms/step  %6.1f img/s  x%.3f%n", name, m, BATCH * 1000 / m, base / m);
        });
    }

    /** @param leanBatchNorm 0: DL4J's helper; 1: our statistics, libnd4j's backward; 2: our statistics and backward */
    private static MultiLayerNetwork network(NetworkSpec spec, BlockCnnArchitecture.LayerKit kit, int leanBatchNorm) {
        MultiLayerNetwork net = new MultiLayerNetwork(new Cnn3Architecture().configuration(spec, CNN2DFormat.NCHW, kit));
        net.init();
        if (leanBatchNorm > 0) {
            LeanBatchNormHelper.install(net, leanBatchNorm == 2);
        }
        return net;
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
