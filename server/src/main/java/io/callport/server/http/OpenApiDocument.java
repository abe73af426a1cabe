package io.callport.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The OpenAPI 3.1 document: {@code openapi/base.json} (info, security, shared schemas) with each route group's
 * fragment merged in, so a feature documents its routes next to its code.
 */
public final class OpenApiDocument {
    static final String BASE = "/io/callport/server/http/openapi/base.json";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final ObjectNode document;

    private OpenApiDocument(ObjectNode document) {
        this.document = document;
    }

    public static OpenApiDocument assemble(List<RouteGroup> groups, String version) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode document = (ObjectNode) read(json, BASE);
        ((ObjectNode) document.get("info")).put("version", version);
        Set<String> merged = new LinkedHashSet<>();
        for (RouteGroup group : groups) {
            group.openApiResource().filter(merged::add).ifPresent(resource -> {
                JsonNode fragment = read(json, resource);
                mergeInto(document, "paths", fragment.get("paths"), resource);
                if (fragment.has("components")) {
                    fragment.get("components").properties().forEach(section ->
                            mergeInto((ObjectNode) document.withObject("/components"), section.getKey(),
                                    section.getValue(), resource));
                }
            });
        }
        return new OpenApiDocument(document);
    }

    public JsonNode json() {
        return document;
    }

    /** Every documented operation as {@code "GET /api/v1/campaigns"}. */
    public Set<String> operations() {
        Set<String> operations = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Iterator<String> names = path.getValue().fieldNames(); names.hasNext(); ) {
                String method = names.next();
                if (METHODS.contains(method)) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    private static void mergeInto(ObjectNode document, String section, JsonNode additions, String resource) {
        if (additions == null) {
            return;
        }
        ObjectNode target = document.withObject("/" + section);
        additions.properties().forEach(entry -> {
            if (target.has(entry.getKey()) && !section.equals("paths")) {
                throw new IllegalStateException(resource + " redefines " + section + "/" + entry.getKey());
            }
            JsonNode existing = target.get(entry.getKey());
            if (existing instanceof ObjectNode existingPath && entry.getValue() instanceof ObjectNode addedPath) {
                existingPath.setAll(addedPath);
            } else {
                target.set(entry.getKey(), entry.getValue());
            }
        });
    }

    private static JsonNode read(ObjectMapper json, String resource) {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing OpenAPI resource " + resource);
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
