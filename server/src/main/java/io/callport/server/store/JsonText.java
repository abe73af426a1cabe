package io.callport.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** Flat text maps (call metadata, CRM fields) kept as JSON text. */
final class JsonText {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() { };

    private JsonText() {
    }

    static String of(Map<String, String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings always serialises", e);
        }
    }

    static Map<String, String> map(String json) {
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new StoreException("Stored metadata is not a JSON object of text: " + json, e);
        }
    }
}
