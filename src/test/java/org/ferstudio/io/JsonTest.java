package org.ferstudio.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonTest {

    record Stamp(String name, Instant at) {
    }

    record Settings(Map<String, Object> values) {
    }

    @TempDir
    Path dir;

    @Test
    void writesRecordsPrettyWithIsoInstants() throws IOException {
        String json = Json.toJson(new Stamp("x", Instant.parse("2024-05-01T12:00:00Z")));

        assertThat(json).contains("\n").contains("\"at\": \"2024-05-01T12:00:00Z\"");
        assertThat(Json.fromJson(json, Stamp.class)).isEqualTo(new Stamp("x", Instant.parse("2024-05-01T12:00:00Z")));
    }

    @Test
    void ignoresPropertiesItDoesNotKnow() throws IOException {
        Stamp stamp = Json.fromJson("{\"name\": \"x\", \"addedInVersion2\": {\"a\": 1}}", Stamp.class);
        assertThat(stamp.name()).isEqualTo("x");
    }

    @Test
    void neverInstantiatesClassesNamedInTheFile() throws IOException {
        // with default typing this array would become a java.net.URL; here it must stay plain data
        Settings s = Json.fromJson("{\"values\": {\"x\": [\"java.net.URL\", \"http://example.org\"],"
                + " \"y\": {\"@class\": \"java.lang.ProcessBuilder\"}}}", Settings.class);

        assertThat(s.values().get("x")).isEqualTo(List.of("java.net.URL", "http://example.org"));
        assertThat(s.values().get("y")).isEqualTo(Map.of("@class", "java.lang.ProcessBuilder"));
    }

    @Test
    void readErrorsNameTheFileAndThePlace() throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\n  \"name\": \"x\",\n  \"at\": \n}");

        assertThatThrownBy(() -> Json.read(file, Stamp.class))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("could not read " + file + ": ")
                .hasMessageContaining("line 4");
    }

    @Test
    void rejectsTrailingGarbage() {
        assertThatThrownBy(() -> Json.fromJson("{\"name\": \"x\"} {}", Stamp.class)).isInstanceOf(IOException.class);
    }

    @Test
    void writesFilesAtomicallyWithATrailingNewline() throws IOException {
        Path file = dir.resolve("stamp.json");
        Stamp stamp = new Stamp("x", Instant.EPOCH);

        Json.write(file, stamp);

        assertThat(Files.readString(file)).endsWith("}" + System.lineSeparator());
        assertThat(Json.read(file, Stamp.class)).isEqualTo(stamp);
    }
}
