package io.callport.sidecar;

import io.callport.validate.Issue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a sidecar metadata file holds. A record with an error issue must not be ingested: its fields are then
 * only what could be read before the problem, for showing the admin.
 *
 * @param file   the sidecar's name as the user sees it
 * @param fields field name to value and line, in the file's order
 * @param issues what is wrong with the file; empty when it was read whole
 */
public record SidecarRecord(String file, Map<String, SidecarField> fields, List<Issue> issues) {

    public SidecarRecord {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        issues = List.copyOf(issues);
    }
}
