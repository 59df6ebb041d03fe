package org.ferstudio.nets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Which GPUs the CUDA build runs on, decided without a GPU (issue 18, item 18). */
class GpuSupportTest {

    @Test
    void gpusWithKernelsOrANewerMinorOfTheSameMajorCanRunIt() {
        int[][] supported = {{3, 7}, {5, 0}, {5, 2}, {5, 3}, {6, 0}, {6, 1}, {6, 2}, {7, 0}, {7, 2}, {7, 5}, {8, 0},
            {8, 6}, {8, 7}, {8, 9}};
        for (int[] c : supported) {
            assertThat(GpuSupport.canRun(c[0], c[1])).as("%d.%d", c[0], c[1]).isTrue();
            assertThat(GpuSupport.problem("g", c[0], c[1])).isEmpty();
        }
    }

    @Test
    void hopperBlackwellAndOldKeplerCannot() {
        int[][] unsupported = {{9, 0}, {10, 0}, {12, 0}, {3, 0}, {3, 5}};
        for (int[] c : unsupported) {
            assertThat(GpuSupport.canRun(c[0], c[1])).as("%d.%d", c[0], c[1]).isFalse();
        }
        assertThat(GpuSupport.problem("NVIDIA H100 80GB HBM3", 9, 0)).hasValue("the GPU NVIDIA H100 80GB HBM3 (compute "
                + "capability 9.0) cannot run this CUDA build: it is newer than the CUDA 11.6 kernels of ND4J 1.0.0-M2.1, "
                + "which stop at 8.6 (RTX 30 and 40 series, A100) and have none for 9.0 or later (H100, H200, RTX 50 "
                + "series); use the CPU build (./fer-studio, without -Pcuda) or a supported GPU; docs/GPU.md lists them");
        assertThat(GpuSupport.problem("Tesla K20", 3, 5)).get().asString().contains("start at 3.7");
    }

    @Test
    void anUnsupportedGpuInNd4jsEnvironmentStopsTheStartWithAStatusLine() {
        Properties env = new Properties();
        env.put("backend", "CUDA");
        env.put("cuda.devicesInformation", List.of(
                Map.of("cuda.deviceName", "NVIDIA H200", "cuda.deviceMajor", 9L, "cuda.deviceMinor", 0L)));

        assertThatThrownBy(() -> CudaDevices.checkStarted(env))
                .isInstanceOfSatisfying(UnsupportedGpuException.class, e -> assertThat(e.statusText())
                        .isEqualTo("GPU NVIDIA H200 (compute capability 9.0) not supported by the CUDA build; see docs/GPU.md"))
                .hasMessageStartingWith("the GPU NVIDIA H200 (compute capability 9.0) cannot run this CUDA build");
    }

    @Test
    void aSupportedGpuAndTheCpuBackendPass() {
        Properties cuda = new Properties();
        cuda.put("cuda.devicesInformation", List.of(
                Map.of("cuda.deviceName", "NVIDIA GeForce RTX 4090", "cuda.deviceMajor", 8L, "cuda.deviceMinor", 9L)));
        Properties cpu = new Properties();
        cpu.put("backend", "CPU");

        CudaDevices.checkStarted(cuda);
        CudaDevices.checkStarted(cpu);
        CudaDevices.checkBeforeStart(); // the CPU build has no CUDA backend class: nothing to ask

        assertThat(CudaDevices.fromEnvironment(cuda)).containsExactly(new CudaDevices.Device("NVIDIA GeForce RTX 4090", 8, 9));
        assertThat(CudaDevices.fromEnvironment(cpu)).isEmpty();
    }

    @Test
    void nvidiaSmisAnswerGivesTheGpusAndTheirCapability() {
        List<CudaDevices.Device> devices = CudaDevices.parseNvidiaSmi(
                "NVIDIA H100 80GB HBM3, 9.0\nNVIDIA GeForce RTX 3090, 8.6\n[N/A]\nbroken, x.y\n");
        assertThat(devices).containsExactly(new CudaDevices.Device("NVIDIA H100 80GB HBM3", 9, 0),
                new CudaDevices.Device("NVIDIA GeForce RTX 3090", 8, 6));
        assertThatThrownBy(() -> CudaDevices.check(devices)).isInstanceOf(UnsupportedGpuException.class)
                .hasMessageContaining("NVIDIA H100 80GB HBM3 (compute capability 9.0)");
    }
}
