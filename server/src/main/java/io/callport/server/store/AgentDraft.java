package io.callport.server.store;

/** What a person or an import row says about an agent; blank values count as absent. */
public record AgentDraft(String externalId, String email, String name, String team) {
    public static final int MAX_LENGTH = 320;

    public AgentDraft {
        externalId = blankToNull(externalId, "external id");
        email = blankToNull(email, "email");
        name = blankToNull(name, "name");
        team = blankToNull(team, "team");
        if (externalId == null && email == null) {
            throw new InvalidValueException("An agent needs an external id or an email so calls can name them.");
        }
        if (email != null) {
            email = EmailAddresses.normalise(email);
        }
        if (name == null) {
            throw new InvalidValueException("An agent needs a name.");
        }
    }

    private static String blankToNull(String value, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > MAX_LENGTH) {
            throw new InvalidValueException("The agent's " + what + " may have at most " + MAX_LENGTH
                    + " characters; it has " + stripped.length() + ".");
        }
        return stripped;
    }
}
