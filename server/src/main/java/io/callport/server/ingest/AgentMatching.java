package io.callport.server.ingest;

import io.callport.server.store.Agent;
import io.callport.server.store.AgentCreationSettings;
import io.callport.server.store.AgentDraft;
import io.callport.server.store.AgentRepository;
import io.callport.server.store.Campaign;
import io.callport.server.store.DuplicateException;
import io.callport.server.store.InvalidValueException;
import io.callport.validate.CallFields;
import io.callport.validate.IssueCode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the agent a call names through the organisation's agent mappings (by external id, else email). A name
 * with no mapping is refused, unless the campaign creates agents on the fly: then the agent is created with the
 * campaign's email template from the names the call's metadata gives ({@code agentFirstName}/{@code agentLastName}
 * or {@code agentName}). Answers are remembered for the run, and each unmapped agent is logged once.
 */
final class AgentMatching {
    private static final Logger LOG = LoggerFactory.getLogger(AgentMatching.class);

    /** The agent a call belongs to, or why it belongs to none. */
    record Match(String agentId, String refusal) {
        static Match of(String agentId) {
            return new Match(agentId, null);
        }

        boolean found() {
            return agentId != null;
        }
    }

    private final AgentRepository agents;
    private final Campaign campaign;
    private final Optional<AgentCreationSettings> creation;
    private final Map<String, Match> matched = new HashMap<>();

    AgentMatching(AgentRepository agents, Campaign campaign) {
        this.agents = agents;
        this.campaign = campaign;
        this.creation = agents.creationSettings(campaign.id()).filter(AgentCreationSettings::enabled);
    }

    /** The agent for a call's fields; runs its own transactions, so call it outside the caller's. */
    Match match(CallFields fields) {
        String identifier = fields.agent();
        if (identifier == null) {
            return new Match(null, null);
        }
        return matched.computeIfAbsent(identifier, id -> agents.findByIdentifier(campaign.orgId(), id)
                .map(agent -> Match.of(agent.id()))
                .orElseGet(() -> creation.map(settings -> create(settings, fields)).orElseGet(() -> unmapped(id))));
    }

    private Match create(AgentCreationSettings settings, CallFields fields) {
        String identifier = fields.agent();
        String first = metadata(fields, "agentfirstname", "firstname");
        String last = metadata(fields, "agentlastname", "lastname");
        String fullName = metadata(fields, "agentname");
        if (fullName != null && first == null && last == null) {
            int space = fullName.lastIndexOf(' ');
            first = space < 0 ? fullName : fullName.substring(0, space);
            last = space < 0 ? null : fullName.substring(space + 1);
        }
        boolean isEmail = identifier.contains("@");
        try {
            String email = isEmail ? identifier : settings.emailTemplate().emailFor(first, last, identifier);
            String name = first == null && last == null ? identifier
                    : String.join(" ", java.util.stream.Stream.of(first, last).filter(p -> p != null).toList());
            Agent agent = agents.save(campaign.orgId(), new AgentDraft(isEmail ? null : identifier, email, name,
                    settings.defaultTeam())).agent();
            LOG.atInfo().addKeyValue("campaign", campaign.id()).addKeyValue("agent", identifier)
                    .addKeyValue("email", agent.email()).log("agent created on the fly");
            return Match.of(agent.id());
        } catch (InvalidValueException | DuplicateException e) {
            String reason = Texts.reason(IssueCode.AGENT_UNMAPPED, "The agent " + identifier + " has no agent "
                    + "mapping and could not be created: " + e.getMessage());
            LOG.atWarn().addKeyValue("campaign", campaign.id()).addKeyValue("agent", identifier).log(reason);
            return new Match(null, reason);
        }
    }

    private Match unmapped(String identifier) {
        String reason = Texts.reason(IssueCode.AGENT_UNMAPPED, "The agent " + identifier + " has no agent mapping, "
                + "so this call was skipped. Add the agent under Agents (or turn on agent creation for the "
                + "campaign), then send the row again.");
        LOG.atWarn().addKeyValue("campaign", campaign.id()).addKeyValue("agent", identifier)
                .log("calls of an agent without mapping are skipped");
        return new Match(null, reason);
    }

    /** A metadata value whose name, ignoring case, spaces and underscores, is one of {@code names}. */
    private static String metadata(CallFields fields, String... names) {
        for (Map.Entry<String, String> entry : fields.metadata().entrySet()) {
            String key = entry.getKey().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
            for (String name : names) {
                if (key.equals(name)) {
                    return entry.getValue();
                }
            }
        }
        return null;
    }
}
