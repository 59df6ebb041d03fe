package org.ferstudio.nets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BackendInfoTest {

    @Test
    void describesTheCpuBackendThisBuildRunsOn() {
        BackendInfo b = BackendInfo.current();
        assertThat(b.backend()).isEqualTo("CPU");
        assertThat(b.isCuda()).isFalse();
        assertThat(b.device()).isNull();
        assertThat(b.threads()).isPositive();
        assertThat(b.helperLibrary()).isEqualTo("oneDNN");
        assertThat(b.layerHelpers()).as("DL4J's oneDNN layer helpers").isTrue();
        assertThat(b.opHelpers()).as("the onednn-avx2 native build").isTrue();
        assertThat(b.summary()).isEqualTo("CPU, " + BackendInfo.threadCount(b.threads()) + ", oneDNN on")
                .isEqualTo(Nd4jRuntime.describe());
    }

    @Test
    void countsThreadsInASentence() {
        assertThat(BackendInfo.threadCount(1)).isEqualTo("1 thread");
        assertThat(BackendInfo.threadCount(2)).isEqualTo("2 threads");
    }

    /** No GPU here: the CUDA path is checked on the environment ND4J's CUDA executioner reports. */
    @Test
    void readsTheCudaEnvironmentOfTheCallingThreadsDevice() {
        Properties env = new Properties();
        env.put("backend", "CUDA");
        env.put("blas.vendor", "CUBLAS");
        env.put("cuda.availableDevices", 2);
        env.put("cuda.devicesInformation", List.of(
                Map.of("cuda.deviceName", "NVIDIA GeForce RTX 3060", "cuda.totalMemory", 12_884_901_888L),
                Map.of("cuda.deviceName", "Tesla T4", "cuda.totalMemory", 15_843_721_216L)));

        BackendInfo second = BackendInfo.of(env, 1, 4, false, "HAVE_CUDNN\nHAVE_FLATBUFFERS");
        assertThat(second.isCuda()).isTrue();
        assertThat(second.device()).isEqualTo("Tesla T4");
        assertThat(second.helperLibrary()).isEqualTo("cuDNN");
        assertThat(second.layerHelpers()).isFalse();
        assertThat(second.opHelpers()).isTrue();
        assertThat(second.blasVendor()).isEqualTo("CUBLAS");
        assertThat(second.summary()).isEqualTo("CUDA, Tesla T4 (15.8 GB), cuDNN on");

        BackendInfo withoutCudnn = BackendInfo.of(env, 0, 4, false, "HAVE_FLATBUFFERS");
        assertThat(withoutCudnn.summary()).isEqualTo("CUDA, NVIDIA GeForce RTX 3060 (12.9 GB), cuDNN off");
    }
}
