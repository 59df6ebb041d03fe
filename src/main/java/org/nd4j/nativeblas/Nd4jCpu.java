package org.nd4j.nativeblas;

import java.lang.reflect.Method;

/**
 * Bridge for a DL4J 1.0.0-M2.1 bug: {@code BaseMKLDNNHelper.mklDnnEnabled()} looks up
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment.getInstance().isUseMKLDNN()} by reflection, but the
 * M2.1 native jar moved that class to {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu} and
 * renamed the method {@code isUseONEDNN()}. Without a class of the old name the oneDNN conv, pooling
 * and batch-norm helpers silently stay off and training runs about six times slower. This class only
 * forwards to the real one, found by reflection because the CUDA build ({@code -Pcuda}) has no CPU
 * bindings; there it answers false. {@code OneDnnHelpersTest} fails if the helpers are off.
 */
public final class Nd4jCpu {

    private static final String CPU_ENVIRONMENT = "org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment";

    private Nd4jCpu() {
    }

    /** The shape DL4J's reflection expects: a static {@code getInstance()} and {@code isUseMKLDNN()}. */
    public static final class Environment {

        private static final Environment INSTANCE = new Environment();

        /** The CPU backend's environment and its {@code isUseONEDNN()}; null on other backends. */
        private final Object cpuEnvironment;
        private final Method isUseOneDnn;

        private Environment() {
            Object environment = null;
            Method isUse = null;
            try {
                Class<?> type = Class.forName(CPU_ENVIRONMENT);
                environment = type.getMethod("getInstance").invoke(null);
                isUse = type.getMethod("isUseONEDNN");
            } catch (ReflectiveOperationException | LinkageError e) {
                // another backend (CUDA): it has no oneDNN
            }
            cpuEnvironment = environment;
            isUseOneDnn = isUse;
        }

        public static Environment getInstance() {
            return INSTANCE;
        }

        public boolean isUseMKLDNN() {
            if (isUseOneDnn == null) {
                return false;
            }
            try {
                return (Boolean) isUseOneDnn.invoke(cpuEnvironment);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot ask ND4J whether oneDNN is on", e);
            }
        }
    }
}
