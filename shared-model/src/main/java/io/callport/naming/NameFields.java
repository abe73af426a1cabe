package io.callport.naming;

import java.util.Map;

/**
 * The field names a file-name convention fills. Recorders' documentation uses short words ({@code first},
 * {@code ext}, {@code uid}); Callport stores the long names so a mapping reads the same whatever the source.
 */
public final class NameFields {
    public static final String AGENT_FIRST_NAME = "agentFirstName";
    public static final String AGENT_LAST_NAME = "agentLastName";
    /** The agent's telephone extension (not the file's extension). */
    public static final String AGENT_EXTENSION = "agentExtension";
    /** Whatever identifies the agent on the recorder: an extension, an employee id, a login. */
    public static final String AGENT_ID = "agentId";
    /** inbound, outbound, screenshare... as the recorder writes it. */
    public static final String DIRECTION = "direction";
    /** The channel or queue, e.g. {@code Entrant}. */
    public static final String CHANNEL = "channel";
    /** The telephone line called or calling. */
    public static final String LINE = "line";
    /** The recorder's contact-reason code, mapped to a label by a value map. */
    public static final String REASON = "reason";

    private static final Map<String, String> ALIASES = Map.of(
            "first", AGENT_FIRST_NAME,
            "last", AGENT_LAST_NAME,
            "ext", AGENT_EXTENSION,
            "uid", AGENT_ID);

    private NameFields() {
    }

    /** The field a pattern token names: an alias's long name, or the token itself (known or custom field). */
    public static String canonical(String token) {
        return ALIASES.getOrDefault(token, token);
    }
}
