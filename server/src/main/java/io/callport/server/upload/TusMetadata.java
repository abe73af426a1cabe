package io.callport.server.upload;

import io.javalin.http.BadRequestResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The tus {@code Upload-Metadata} header: comma-separated {@code key base64(value)} pairs. */
final class TusMetadata {
    private final Map<String, String> values;

    private TusMetadata(Map<String, String> values) {
        this.values = values;
    }

    static TusMetadata parse(String header) {
        Map<String, String> values = new LinkedHashMap<>();
        if (header == null || header.isBlank()) {
            return new TusMetadata(values);
        }
        for (String pair : header.split(",")) {
            String[] keyAndValue = pair.strip().split(" ", 2);
            String key = keyAndValue[0];
            if (key.isEmpty()) {
                throw new BadRequestResponse("Upload-Metadata has an empty key.");
            }
            try {
                values.put(key, keyAndValue.length == 1 ? ""
                        : new String(Base64.getDecoder().decode(keyAndValue[1].strip()), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new BadRequestResponse("Upload-Metadata value of \"" + key + "\" is not base64.");
            }
        }
        return new TusMetadata(values);
    }

    Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).filter(value -> !value.isEmpty());
    }

    String require(String key) {
        return get(key).orElseThrow(() -> new BadRequestResponse("Upload-Metadata needs \"" + key + "\"."));
    }
}
