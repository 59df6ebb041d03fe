package org.ferstudio.nets;

import java.util.Properties;
import org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up of the numeric backend, in one place. Must run before the first network is built: DL4J's
 * {@code HelperUtils} creates the fast oneDNN layer helpers only when
 * {@code org.eclipse.deeplearning4j.helpers.disable} is {@code false}, and its default is {@code true}.
 */
public final class Nd4jRuntime {

    public static final String HELPERS_DISABLE_PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";
    private static final Logger LOG = LoggerFactory.getLogger(Nd4jRuntime.class);
    private static volatile boolean initialised;

    private Nd4jRuntime() {
    }

    /** Enables the layer helpers and loads the backend; idempotent and cheap after the first call. */
    public static void initialise() {
        if (initialised) {
            return;
        }
        synchronized (Nd4jRuntime.class) {
            if (initialised) {
                return;
            }
            if (System.getProperty(HELPERS_DISABLE_PROPERTY) == null) {
                System.setProperty(HELPERS_DISABLE_PROPERTY, "false");
            }
            Nd4j.getExecutioner();
            initialised = true;
            LOG.info("ND4J backend: {}", describe());
        }
    }

    /** The backend name as ND4J reports it: "CPU" or "CUDA". */
    public static String backend() {
        initialise();
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        return String.valueOf(env.getProperty("backend", "unknown"));
    }

    /** Whether DL4J will use oneDNN for conv, pooling and batch norm (CPU backend only). */
    public static boolean oneDnnHelpersActive() {
        initialise();
        return !Boolean.parseBoolean(System.getProperty(HELPERS_DISABLE_PROPERTY, "true"))
                && BaseMKLDNNHelper.mklDnnEnabled();
    }

    /** Threads the backend uses for work started from the calling thread. */
    public static int threads() {
        initialise();
        return NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
    }

    /**
     * Sets the backend's threads for work started from the calling thread (OpenMP keeps this setting per
     * thread). Inference of single faces is fastest on one thread: on two busy cores, two OpenMP threads
     * at batch 1 wait on each other.
     */
    public static void setThreads(int threads) {
        initialise();
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
    }

    /** One line for status bars, logs and model cards, e.g. "CPU, 2 threads, oneDNN on". */
    public static String describe() {
        String backend = backend();
        StringBuilder sb = new StringBuilder(backend).append(", ").append(threads()).append(" threads");
        if ("CPU".equalsIgnoreCase(backend)) {
            sb.append(", oneDNN ").append(oneDnnHelpersActive() ? "on" : "off");
        }
        return sb.toString();
    }
}
