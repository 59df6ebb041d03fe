package org.ferstudio.nets;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which NVIDIA GPUs the CUDA build can run on. ND4J 1.0.0-M2.1's {@code nd4j-cuda-11.6} native library holds
 * compiled kernels (cubins) for the compute capabilities in {@link #KERNELS} and no PTX that a newer driver
 * could compile for a newer GPU. A cubin runs on GPUs of the same major capability and an equal or higher
 * minor one, so 8.6 kernels serve 8.6 to 8.9 (RTX 30 and 40), while 9.0 and later (H100, H200, RTX 50) have
 * none and would fail inside the first kernel. Pure logic, so the decision is tested without a GPU.
 */
public final class GpuSupport {

    /** Compute capabilities with compiled kernels in nd4j-cuda-11.6 1.0.0-M2.1, as major * 10 + minor. */
    static final List<Integer> KERNELS = List.of(37, 50, 52, 60, 61, 70, 75, 80, 86);

    private GpuSupport() {
    }

    /** Whether a GPU of this compute capability can run the kernels. */
    public static boolean canRun(int major, int minor) {
        return KERNELS.stream().anyMatch(k -> k / 10 == major && k % 10 <= minor);
    }

    /** What to tell the user about this GPU; empty when it can run the CUDA build. */
    public static Optional<String> problem(String device, int major, int minor) {
        if (canRun(major, minor)) {
            return Optional.empty();
        }
        String capability = major + "." + minor;
        String why = major * 10 + minor > KERNELS.get(KERNELS.size() - 1)
                ? "it is newer than the CUDA 11.6 kernels of ND4J 1.0.0-M2.1, which stop at 8.6 (RTX 30 and 40 series, "
                        + "A100) and have none for 9.0 or later (H100, H200, RTX 50 series)"
                : "ND4J 1.0.0-M2.1's CUDA 11.6 kernels start at 3.7 and have none for it";
        return Optional.of(String.format(Locale.ROOT, "the GPU %s (compute capability %s) cannot run this CUDA build: %s; "
                + "use the CPU build (./fer-studio, without -Pcuda) or a supported GPU; docs/GPU.md lists them",
                device, capability, why));
    }

    /** The short form for a status bar. */
    public static String statusText(String device, int major, int minor) {
        return "GPU " + device + " (compute capability " + major + "." + minor + ") not supported by the CUDA build; "
                + "see docs/GPU.md";
    }
}
