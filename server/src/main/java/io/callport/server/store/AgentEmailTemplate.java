package io.callport.server.store;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The email format for agents created on the fly, such as {@code %firstname%.%lastname%@%domain%.com}.
 * Placeholders: {@code %firstname%}, {@code %lastname%}, {@code %agentid%} (the external id) and
 * {@code %domain%} (the configured domain).
 */
public record AgentEmailTemplate(String template, String domain) {
    private static final Pattern PLACEHOLDER = Pattern.compile("%([^%]*)%");
    private static final Set<String> KNOWN = Set.of("firstname", "lastname", "agentid", "domain");
    private static final Set<String> PER_AGENT = Set.of("firstname", "lastname", "agentid");

    public AgentEmailTemplate {
        if (template == null || template.isBlank()) {
            throw new InvalidValueException("On-the-fly agent creation needs an email template, "
                    + "e.g. %firstname%.%lastname%@%domain%.com.");
        }
        template = template.strip();
        domain = domain == null || domain.isBlank() ? null : domain.strip().toLowerCase(Locale.ROOT);
        Matcher placeholders = PLACEHOLDER.matcher(template);
        boolean perAgent = false;
        while (placeholders.find()) {
            String name = placeholders.group(1).toLowerCase(Locale.ROOT);
            if (!KNOWN.contains(name)) {
                throw new InvalidValueException("The email template uses %" + placeholders.group(1)
                        + "%, which is not one of %firstname%, %lastname%, %agentid%, %domain%.");
            }
            perAgent |= PER_AGENT.contains(name);
            if (name.equals("domain") && domain == null) {
                throw new InvalidValueException("The email template uses %domain%, so a domain must be set too.");
            }
        }
        if (!perAgent) {
            throw new InvalidValueException("The email template '" + template + "' gives every agent the same "
                    + "address; use %firstname%, %lastname% or %agentid%.");
        }
        if (template.chars().filter(ch -> ch == '@').count() != 1) {
            throw new InvalidValueException("The email template '" + template + "' must contain exactly one @.");
        }
    }

    /** The address for an agent, e.g. "José", "Núñez" → {@code jose.nunez@acme.com}. */
    public String emailFor(String firstName, String lastName, String agentId) {
        Map<String, String> values = Map.of(
                "firstname", part(firstName), "lastname", part(lastName), "agentid", part(agentId),
                "domain", domain == null ? "" : domain);
        String email = PLACEHOLDER.matcher(template)
                .replaceAll(m -> Matcher.quoteReplacement(values.get(m.group(1).toLowerCase(Locale.ROOT))));
        if (!EmailAddresses.isPlausible(email) || email.contains("..") || email.contains(".@")
                || email.startsWith(".")) {
            throw new InvalidValueException("The email template '" + template + "' makes '" + email
                    + "' for this agent, which is not an email address; the agent's names may be missing.");
        }
        return email;
    }

    private static String part(String value) {
        if (value == null) {
            return "";
        }
        String ascii = Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "");
    }
}
