package org.ferstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class InfoBackendTest {

    @Test
    void infoBackendReportsTheCpuBackendItsDeviceAndHelpers() throws IOException {
        CliRun r = CliRun.of("info", "--backend");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("backend +CPU, \\d+ threads?, oneDNN on")
                .containsPattern("device +\\S.*logical cores")
                .contains("oneDNN: DL4J layer helpers on, ND4J operations built with it")
                .contains("DL4J 1.0.0-M2.1");

        CliRun json = CliRun.of("info", "--backend", "--json");
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode node = new ObjectMapper().readTree(json.out());
        assertThat(node.get("backend").asText()).isEqualTo("CPU");
        assertThat(node.get("layerHelpers").asBoolean()).isTrue();
    }

    @Test
    void infoNeedsAModelOrTheBackend() {
        CliRun r = CliRun.of("info");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--model").contains("--backend");
    }
}
