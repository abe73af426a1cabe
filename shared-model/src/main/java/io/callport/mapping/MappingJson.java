package io.callport.mapping;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes mapping documents, with errors that say where in the JSON the problem is. */
public final class MappingJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private MappingJson() {
    }

    public static FieldMapping read(Path file) throws IOException, InvalidMappingException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        }
    }

    public static FieldMapping read(InputStream in, String name) throws IOException, InvalidMappingException {
        try {
            return JSON.readValue(in, FieldMapping.class);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidMappingException(name + at(e.getLocation()) + ": unknown key \"" + e.getPropertyName()
                    + "\"; known keys here are " + e.getKnownPropertyIds() + ".", e);
        } catch (JsonProcessingException e) {
            throw new InvalidMappingException(name + at(e.getLocation()) + ": " + rootMessage(e), e);
        }
    }

    public static FieldMapping parse(String json) throws InvalidMappingException {
        try {
            return read(new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    "mapping");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static String write(FieldMapping mapping) {
        try {
            return JSON.writeValueAsString(mapping);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A mapping always serialises", e);
        }
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Jackson wraps our own constructor checks; their message is the one a person needs. */
    private static String rootMessage(JsonProcessingException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException) {
                return cause.getMessage();
            }
        }
        return e.getOriginalMessage();
    }
}
