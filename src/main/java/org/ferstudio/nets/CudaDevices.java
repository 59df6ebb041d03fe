package org.ferstudio.nets;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.nd4j.linalg.api.environment.Nd4jEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GPUs of a CUDA build and their compute capabilities, read twice: before ND4J starts, through JavaCPP's
 * CUDA runtime bindings ({@code org.bytedeco.cuda.global.cudart}, on the class path of a -Pcuda build only,
 * hence reflection), so an unsupported GPU is named before ND4J's start-up runs a kernel on it; and from
 * ND4J's environment information once it has started. The CPU build has neither and is not affected.
 */
final class CudaDevices {

    /** One GPU: its name and compute capability. */
    record Device(String name, int major, int minor) {
    }

    static final String CUDA_BACKEND_CLASS = "org.nd4j.linalg.jcublas.JCublasBackend";
    private static final String CUDART_CLASS = "org.bytedeco.cuda.global.cudart";
    private static final String DEVICE_PROP_CLASS = "org.bytedeco.cuda.cudart.cudaDeviceProp";
    /** cudaDevAttrComputeCapabilityMajor and ...Minor in the CUDA runtime API. */
    private static final int ATTR_MAJOR = 75;
    private static final int ATTR_MINOR = 76;
    private static final Logger LOG = LoggerFactory.getLogger(CudaDevices.class);

    private CudaDevices() {
    }

    /**
     * Throws when a GPU that ND4J may use cannot run its kernels. Before ND4J starts; does nothing on the CPU
     * build, and nothing when the CUDA runtime cannot be asked (then ND4J's own start-up reports that).
     */
    static void checkBeforeStart() {
        if (!present(CUDA_BACKEND_CLASS)) {
            return;
        }
        List<Device> devices = probeRuntime();
        check(devices.isEmpty() ? probeNvidiaSmi() : devices);
    }

    /**
     * Asks the driver's {@code nvidia-smi} when the CUDA 11 runtime cannot be loaded (a machine with only CUDA 12, or
     * with the driver alone): the capability check then still comes before ND4J's start-up, whose own error would
     * name the missing library but not that the GPU could never run these kernels. Empty when there is no
     * {@code nvidia-smi}, it fails, or it is too old to know {@code compute_cap} (drivers before 510).
     */
    static List<Device> probeNvidiaSmi() {
        try {
            Process smi = new ProcessBuilder("nvidia-smi", "--query-gpu=name,compute_cap", "--format=csv,noheader")
                    .redirectErrorStream(true).start();
            smi.getOutputStream().close();
            String out = new String(smi.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!smi.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                smi.destroyForcibly();
                return List.of();
            }
            return smi.exitValue() == 0 ? parseNvidiaSmi(out) : List.of();
        } catch (java.io.IOException e) {
            LOG.debug("no nvidia-smi to ask for the GPUs' compute capability", e);
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** Lines of {@code name, major.minor}; lines that do not parse are left out. */
    static List<Device> parseNvidiaSmi(String output) {
        List<Device> devices = new ArrayList<>();
        for (String line : output.split("\\R")) {
            int comma = line.lastIndexOf(',');
            if (comma < 0) {
                continue;
            }
            String[] capability = line.substring(comma + 1).trim().split("\\.");
            try {
                if (capability.length == 2) {
                    devices.add(new Device(line.substring(0, comma).trim(), Integer.parseInt(capability[0]),
                            Integer.parseInt(capability[1])));
                }
            } catch (NumberFormatException e) {
                LOG.debug("nvidia-smi line not understood: {}", line);
            }
        }
        return devices;
    }

    /** Throws when a GPU in ND4J's environment information cannot run its kernels. */
    static void checkStarted(Properties environment) {
        check(fromEnvironment(environment));
    }

    static void check(List<Device> devices) {
        for (Device d : devices) {
            if (!GpuSupport.canRun(d.major(), d.minor())) {
                throw new UnsupportedGpuException(d.name(), d.major(), d.minor());
            }
        }
    }

    /** The devices ND4J's CUDA backend lists ({@code cuda.devicesInformation}); empty on the CPU backend. */
    static List<Device> fromEnvironment(Map<?, ?> environment) {
        List<Device> devices = new ArrayList<>();
        if (environment.get(Nd4jEnvironment.CUDA_DEVICE_INFORMATION_KEY) instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> info && info.get(Nd4jEnvironment.CUDA_DEVICE_MAJOR_VERSION_KEY) instanceof Number major
                        && info.get(Nd4jEnvironment.CUDA_DEVICE_MINOR_VERSION_KEY) instanceof Number minor) {
                    devices.add(new Device(String.valueOf(info.get(Nd4jEnvironment.CUDA_DEVICE_NAME_KEY)),
                            major.intValue(), minor.intValue()));
                }
            }
        }
        return devices;
    }

    /** Asks the CUDA runtime through JavaCPP's bindings; empty when they are absent or fail. */
    private static List<Device> probeRuntime() {
        List<Device> devices = new ArrayList<>();
        try {
            Class<?> cudart = Class.forName(CUDART_CLASS);
            Method count = cudart.getMethod("cudaGetDeviceCount", int[].class);
            Method attribute = cudart.getMethod("cudaDeviceGetAttribute", int[].class, int.class, int.class);
            int[] n = new int[1];
            if ((int) count.invoke(null, (Object) n) != 0) {
                return devices; // no driver or no GPU: ND4J's start-up names the missing piece
            }
            for (int device = 0; device < n[0]; device++) {
                int[] major = new int[1];
                int[] minor = new int[1];
                attribute.invoke(null, major, ATTR_MAJOR, device);
                attribute.invoke(null, minor, ATTR_MINOR, device);
                devices.add(new Device(deviceName(cudart, device), major[0], minor[0]));
            }
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOG.debug("could not ask the CUDA runtime for the GPUs' compute capability", e);
        }
        return devices;
    }

    private static String deviceName(Class<?> cudart, int device) {
        try {
            Class<?> propClass = Class.forName(DEVICE_PROP_CLASS);
            Object prop = propClass.getConstructor().newInstance();
            cudart.getMethod("cudaGetDeviceProperties", propClass, int.class).invoke(null, prop, device);
            Object name = propClass.getMethod("name").invoke(prop);
            return String.valueOf(name.getClass().getMethod("getString").invoke(name));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return "number " + device;
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, CudaDevices.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
