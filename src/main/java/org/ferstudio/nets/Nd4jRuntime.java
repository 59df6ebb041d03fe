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
            ThreadSetting.problem(System.getenv(ThreadSetting.VARIABLE)).ifPresent(problem -> {
                throw new IllegalStateException(problem);
            });
            if (System.getProperty(HELPERS_DISABLE_PROPERTY) == null) {
                System.setProperty(HELPERS_DISABLE_PROPERTY, "false");
            }
            CudaDevices.checkBeforeStart();
            try {
                CudaDevices.checkStarted(Nd4j.getExecutioner().getEnvironmentInformation());
            } catch (LinkageError e) {
                // ND4J has logged which native library is missing; say what that means instead of a stack trace
                throw new IllegalStateException("no ND4J backend could be loaded (the warning above names the missing "
                        + "native library): a -Pcuda build needs the NVIDIA driver with the CUDA 11.6 and cuDNN 8.3 "
                        + "libraries, see docs/GPU.md", e);
            }
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

    /** Whether DL4J may create layer helpers at all (the system property above is "false"). */
    static boolean layerHelpersAllowed() {
        return !Boolean.parseBoolean(System.getProperty(HELPERS_DISABLE_PROPERTY, "true"));
    }

    /** Whether DL4J will use oneDNN for conv, pooling and batch norm (CPU backend only). */
    public static boolean oneDnnHelpersActive() {
        initialise();
        return layerHelpersAllowed() && BaseMKLDNNHelper.mklDnnEnabled();
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

    /** One line for status bars, logs and model cards, e.g. "CPU, 2 threads, oneDNN on"; see {@link BackendInfo}. */
    public static String describe() {
        return BackendInfo.current().summary();
    }
}
