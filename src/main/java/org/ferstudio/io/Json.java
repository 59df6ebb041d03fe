package org.ferstudio.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/**
 * The project's one JSON configuration (model cards, evaluation reports, settings): pretty printed,
 * records as objects, dates as ISO-8601 strings, unknown properties ignored so that an older app can
 * still read a card written by a newer one.
 * <p>
 * Default typing (class names inside the JSON, {@code activateDefaultTyping}/{@code @JsonTypeInfo(use =
 * CLASS)}) is never enabled: model folders are shared between people, and a file that may name the
 * classes to instantiate lets a stranger's model.json run code on this machine (the long list of Jackson
 * gadget CVEs). Every document maps to a fixed record type instead.
 */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .defaultPrettyPrinter(new DefaultPrettyPrinter().withSeparators(
                    Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // a second document or garbage after the first is a damaged file, not something to ignore
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .addModule(isoInstants())
            .build();

    private Json() {
    }

    /** Writes with the project settings; immutable, safe to share. */
    public static ObjectWriter writer() {
        return MAPPER.writer();
    }

    /** Reads with the project settings; immutable, safe to share. */
    public static ObjectReader reader() {
        return MAPPER.reader();
    }

    /** {@code value} as pretty-printed JSON; fails only for types Jackson cannot write (a programming error). */
    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    public static <T> T fromJson(String json, Class<T> type) throws IOException {
        return MAPPER.readValue(json, type);
    }

    /** Writes {@code value} to {@code file} atomically (see {@link AtomicFiles}), ending with a newline. */
    public static void write(Path file, Object value) throws IOException {
        AtomicFiles.writeString(file, toJson(value) + System.lineSeparator());
    }

    /** Reads {@code file} as {@code type}; errors name the file and, for bad JSON, the line and column. */
    public static <T> T read(Path file, Class<T> type) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return MAPPER.readValue(bytes, type);
        } catch (JsonProcessingException e) {
            throw new IOException("could not read " + file + ": " + describe(e), e);
        }
    }

    /** Jackson's message without its source dump, plus where in the file the problem is. */
    public static String describe(JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        return where == null || where.getLineNr() < 0
                ? e.getOriginalMessage()
                : e.getOriginalMessage() + " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
    }

    // jackson-datatype-jsr310 is not a dependency; Instant is the one java.time type we store
    private static SimpleModule isoInstants() {
        return new SimpleModule("iso-instants")
                .addSerializer(Instant.class, ToStringSerializer.instance)
                .addDeserializer(Instant.class, new InstantDeserializer());
    }

    private static final class InstantDeserializer extends FromStringDeserializer<Instant> {

        private static final long serialVersionUID = 1L;

        InstantDeserializer() {
            super(Instant.class);
        }

        @Override
        protected Instant _deserialize(String value, DeserializationContext context) throws IOException {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                return (Instant) context.handleWeirdStringValue(Instant.class, value,
                        "not an ISO-8601 instant such as 2024-05-01T12:00:00Z");
            }
        }
    }
}
