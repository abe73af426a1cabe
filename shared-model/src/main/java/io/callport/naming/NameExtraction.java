package io.callport.naming;

import io.callport.validate.Issue;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a file-name convention read from one name.
 *
 * @param fields      field name (long form, see {@link NameFields}) to the text of its part, in pattern order;
 *                    empty when the name could not be split
 * @param contactDate the instant the date-time parts give, or null when the convention has none or a part is invalid
 * @param issues      why the name does not fit the convention; empty when it fits
 */
public record NameExtraction(Map<String, String> fields, Instant contactDate, List<Issue> issues) {

    public NameExtraction {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        issues = List.copyOf(issues);
    }
}
