package org.ferstudio.nets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Measures what folding batch norm into the layers before it saves at inference: the 3-block CNN's NHWC copy with
 * its batch-norm, activation and dropout layers, against the folded copy the app uses, in one process with the two
 * interleaved (the host drifts). Not a test: run it by hand on a quiet machine, e.g.
 * <pre>
 * OMP_NUM_THREADS=1 java -Dorg.eclipse.deeplearning4j.helpers.disable=false \
 *     -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) org.ferstudio.nets.InferenceCopyStudy 1 [rounds]
 * </pre>
 * (first argument: the batch size). Prints the median milliseconds per batch of each.
 */
public final class InferenceCopyStudy {

    private static final int CALLS_PER_TURN = 20;

    private InferenceCopyStudy() {
    }

    public static void main(String[] args) {
        int batch = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Nd4jRuntime.initialise();
        BlockCnnArchitecture arch = new Cnn3Architecture();
        float[] params = arch.build(NetworkSpec.forInference(7)).params().dup().data().asFloat();
        Map<String, MultiLayerNetwork> variants = new LinkedHashMap<>();
        variants.put("NHWC copy, batch norm as layers", arch.nhwcCopy(7, params));
        variants.put("NHWC copy, batch norm folded", (MultiLayerNetwork) arch.buildForInference(7, params).dl4jModel());
        Nd4j.getRandom().setSeed(1);
        INDArray x = Nd4j.rand(DataType.FLOAT, batch, 48, 48, 1);
        Map<String, List<Double>> ms = new LinkedHashMap<>();
        variants.forEach((name, net) -> {
            for (int i = 0; i < 30; i++) {
                net.output(x, false);
            }
            ms.put(name, new ArrayList<>());
        });
        List<String> names = new ArrayList<>(variants.keySet());
        for (int r = 0; r < rounds; r++) {
            for (int v = 0; v < names.size(); v++) {
                String name = names.get((v + r) % names.size());
                for (int c = 0; c < CALLS_PER_TURN; c++) {
                    long t = System.nanoTime();
                    variants.get(name).output(x, false).toFloatMatrix();
                    ms.get(name).add((System.nanoTime() - t) / 1e6);
                }
            }
        }
        double base = median(ms.get(names.get(0)));
        System.out.printf("threads=%d batch=%d calls_per_variant=%d%n", Nd4jRuntime.threads(), batch, rounds * CALLS_PER_TURN);
        ms.forEach((name, times) -> {
            double m = median(times);
            System.out.printf("%-34s %8.3f ms/batch  %7.1f img/s  x%.3f%n", name, m, batch * 1000 / m, base / m);
        });
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
