package io.callport.validate;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The call fields a mapping reads from one metadata record (a CSV row or a sidecar). A field the record does not
 * have, or leaves blank, is null.
 *
 * @param agent            the agent identifier as written (an email or an id)
 * @param contactDateText  the contact date as written, kept for display
 * @param contactDate      the contact date as an instant; null when it is missing or does not parse
 * @param contactReference the call's unique id in the customer's system
 * @param recording        the recording's file name (the last part of a path); null when the record names none
 * @param metadata         each metadata column's user-facing name to its value (the value map's label when it has
 *                         one), in mapping order; blank values are left out
 */
public record CallFields(String agent, String contactDateText, Instant contactDate, String contactReference,
                         String recording, Map<String, String> metadata) {

    public CallFields {
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
