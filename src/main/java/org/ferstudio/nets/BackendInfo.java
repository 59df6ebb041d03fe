package org.ferstudio.nets;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.nd4j.linalg.api.environment.Nd4jEnvironment;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The numeric backend this process computes on, for the command line, logs and the GUI's status bar: CPU
 * (nd4j-native) or CUDA (nd4j-cuda, built with {@code -Pcuda}, see docs/GPU.md), the device, and whether
 * the fast helpers are on. There are two kinds: DL4J's layer helpers (oneDNN on CPU; on CUDA they would
 * come from deeplearning4j-cuda, which has no 1.0.0-M2.1 release, so they are off) and the helpers built
 * into ND4J's native library for its own operations (oneDNN in the CPU jar; cuDNN in the
 * {@code linux-x86_64-cudnn} classifier of the CUDA jar, used for example by depthwise convolution).
 *
 * @param backend           "CPU" or "CUDA" (as ND4J names it)
 * @param device            the GPU this thread computes on; null on CPU, where ND4J does not name the processor
 * @param deviceMemoryBytes that GPU's memory, 0 on CPU
 * @param threads           OpenMP threads for work started from the calling thread (host-side work on CUDA)
 * @param helperLibrary     "oneDNN" on CPU, "cuDNN" on CUDA
 * @param layerHelpers      whether DL4J's convolution, pooling and batch-norm layers use {@code helperLibrary}
 * @param opHelpers         whether ND4J's native operations were built with {@code helperLibrary}
 * @param blasVendor        the BLAS library ND4J uses (OpenBLAS, MKL, cuBLAS)
 */
public record BackendInfo(String backend, String device, long deviceMemoryBytes, int threads, String helperLibrary,
                          boolean layerHelpers, boolean opHelpers, String blasVendor) {

    /** DL4J's cuDNN layer helpers (deeplearning4j-cuda), looked up the way DL4J itself finds them. */
    static final String CUDNN_HELPER_CLASS = "org.deeplearning4j.cuda.BaseCudnnHelper";

    /** This process's backend; loads it on first use (about a second). */
    public static BackendInfo current() {
        Nd4jRuntime.initialise();
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        boolean cuda = isCuda(env);
        boolean layerHelpers = cuda ? Nd4jRuntime.layerHelpersAllowed() && onClassPath(CUDNN_HELPER_CLASS)
                : Nd4jRuntime.oneDnnHelpersActive();
        Integer device = Nd4j.getAffinityManager().getDeviceForCurrentThread();
        return of(env, device == null ? 0 : device, Nd4jRuntime.threads(), layerHelpers,
                Nd4j.getBackend().buildInfo());
    }

    /**
     * Reads ND4J's environment information ({@code Nd4jEnvironment} keys).
     *
     * @param deviceIndex the calling thread's device (CUDA)
     * @param buildInfo   the native library's build flags, e.g. "HAVE_ONEDNN" or "HAVE_CUDNN"
     */
    static BackendInfo of(Properties env, int deviceIndex, int threads, boolean layerHelpers, String buildInfo) {
        boolean cuda = isCuda(env);
        String backend = env.getProperty(Nd4jEnvironment.BACKEND_KEY, "unknown");
        String blas = String.valueOf(env.getOrDefault(Nd4jEnvironment.BLAS_VENDOR_KEY, "unknown"));
        String library = cuda ? "cuDNN" : "oneDNN";
        boolean opHelpers = buildInfo != null && buildInfo.contains(cuda ? "HAVE_CUDNN" : "HAVE_ONEDNN");
        String device = null;
        long memory = 0;
        if (cuda && env.get(Nd4jEnvironment.CUDA_DEVICE_INFORMATION_KEY) instanceof List<?> devices
                && deviceIndex >= 0 && deviceIndex < devices.size()
                && devices.get(deviceIndex) instanceof Map<?, ?> info) {
            device = String.valueOf(info.get(Nd4jEnvironment.CUDA_DEVICE_NAME_KEY));
            memory = info.get(Nd4jEnvironment.CUDA_TOTAL_MEMORY_KEY) instanceof Number n ? n.longValue() : 0;
        }
        return new BackendInfo(backend, device, memory, threads, library, layerHelpers, opHelpers, blas);
    }

    public boolean isCuda() {
        return "CUDA".equalsIgnoreCase(backend);
    }

    /**
     * Whether the network layers run on {@link #helperLibrary}: on CPU through DL4J's oneDNN layer helpers
     * (without them training is about six times slower); on CUDA through either kind of helper.
     */
    public boolean helpersOn() {
        return isCuda() ? layerHelpers || opHelpers : layerHelpers;
    }

    /** One line, e.g. "CPU, 2 threads, oneDNN on" or "CUDA, NVIDIA GeForce RTX 3060 (12.0 GB), cuDNN on". */
    public String summary() {
        StringBuilder sb = new StringBuilder(backend);
        if (device != null) {
            sb.append(", ").append(device);
            if (deviceMemoryBytes > 0) {
                sb.append(String.format(Locale.ROOT, " (%.1f GB)", deviceMemoryBytes / 1e9));
            }
        } else {
            sb.append(", ").append(threadCount(threads));
        }
        return sb.append(", ").append(helperLibrary).append(helpersOn() ? " on" : " off").toString();
    }

    /** "1 thread", "2 threads": how the CPU backend's thread count reads in a sentence. */
    public static String threadCount(int threads) {
        return threads + (threads == 1 ? " thread" : " threads");
    }

    private static boolean isCuda(Properties env) {
        return "CUDA".equalsIgnoreCase(env.getProperty(Nd4jEnvironment.BACKEND_KEY));
    }

    private static boolean onClassPath(String className) {
        try {
            Class.forName(className, false, BackendInfo.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
