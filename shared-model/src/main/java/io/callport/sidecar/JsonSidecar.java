package io.callport.sidecar;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/** Reads a JSON sidecar: one object whose values are text, numbers, booleans or null. */
final class JsonSidecar {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonSidecar() {
    }

    static void read(byte[] content, SidecarCollector out) {
        try (JsonParser parser = FACTORY.createParser(content)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                out.malformed(first == null ? 0 : line(parser), first == null
                        ? "The JSON sidecar has no object of fields."
                        : "The JSON sidecar must be one object of fields ({\"name\": \"value\", ...}) but starts with %s."
                                .formatted(parser.getText()));
                return;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                readField(parser, out);
            }
            if (parser.nextToken() != null) {
                out.malformed(line(parser), "The JSON sidecar goes on after its object closes, at line %d."
                        .formatted(line(parser)));
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            long column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            out.malformed(line, "The JSON is not well-formed at line %d, column %d: %s"
                    .formatted(line, column, e.getOriginalMessage()));
        } catch (IOException e) {
            // the content is in memory, so this is an encoding the parser cannot decode
            out.malformed(0, "The JSON sidecar cannot be decoded: " + e.getMessage());
        }
    }

    private static void readField(JsonParser parser, SidecarCollector out) throws IOException {
        String name = parser.currentName();
        long line = line(parser);
        JsonToken value = parser.nextToken();
        switch (value) {
            case START_OBJECT, START_ARRAY -> {
                out.nested(name, line, value == JsonToken.START_OBJECT ? "holds an object" : "holds a list");
                parser.skipChildren();
            }
            case VALUE_NULL -> out.field(name, "", line);
            default -> out.field(name, parser.getText(), line);
        }
    }

    private static long line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }
}
