package org.ferstudio.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RuntimeInfoTest {

    @Test
    void takesTheFirstModelNameFromCpuinfo() {
        List<String> cpuinfo = List.of(
                "processor\t: 0",
                "vendor_id\t: GenuineIntel",
                "model\t\t: 142",
                "model name\t: Intel(R) Core(TM) i7-8565U CPU @ 1.80GHz",
                "processor\t: 1",
                "model name\t: Intel(R) Core(TM) i7-8565U CPU @ 1.80GHz");

        assertThat(RuntimeInfo.cpuModelFrom(cpuinfo)).contains("Intel(R) Core(TM) i7-8565U CPU @ 1.80GHz");
        assertThat(RuntimeInfo.cpuModelFrom(List.of("processor\t: 0", "CPU part\t: 0xd08"))).isEmpty();
    }

    @Test
    void describesThisMachine() {
        RuntimeInfo info = RuntimeInfo.current();

        assertThat(info.cpuModel()).isNotBlank();
        assertThat(info.logicalCores()).isPositive();
        assertThat(info.javaVersion()).startsWith(String.valueOf(Runtime.version().feature()));
        assertThat(info.appVersion()).isNotBlank();
        assertThat(info.hardware()).endsWith(info.logicalCores() + " logical cores");
        assertThat(info.versions()).containsOnlyKeys("java", "dl4j", "app")
                .containsEntry("dl4j", RuntimeInfo.DL4J_VERSION);
    }

    @Test
    void appVersionIsThePomVersion() {
        assertThat(RuntimeInfo.current().appVersion()).isEqualTo("0.1.0-SNAPSHOT");
    }
}
