package org.nd4j.nativeblas;

/**
 * Bridge for a DL4J 1.0.0-M2.1 bug: {@code BaseMKLDNNHelper.mklDnnEnabled()} looks up
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment.getInstance().isUseMKLDNN()} by reflection, but the
 * M2.1 native jar moved that class to {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu} and
 * renamed the method {@code isUseONEDNN()}. Without a class of the old name the oneDNN conv, pooling
 * and batch-norm helpers silently stay off and training runs about six times slower. This class only
 * forwards to the real one. {@code OneDnnHelpersTest} fails if the helpers are off.
 */
public final class Nd4jCpu {

    private Nd4jCpu() {
    }

    /** The shape DL4J's reflection expects: a static {@code getInstance()} and {@code isUseMKLDNN()}. */
    public static final class Environment {

        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        public static Environment getInstance() {
            return INSTANCE;
        }

        public boolean isUseMKLDNN() {
            return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
        }
    }
}
