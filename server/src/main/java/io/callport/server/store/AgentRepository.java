package io.callport.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Agent mappings of an organisation, and each campaign's on-the-fly creation settings. */
public final class AgentRepository {
    private static final String COLUMNS = "id, org_id, external_id, email, name, team, created_at, updated_at";
    private static final String SETTINGS_COLUMNS =
            "campaign_id, enabled, email_template, email_domain, default_team, connector_name, updated_at";

    private final Database database;
    private final Clock clock;

    AgentRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The agent saved, and whether it was new or an existing agent matched by external id or email. */
    public record Saved(Agent agent, boolean created) {
    }

    /**
     * Creates the agent, or updates the one with the same external id (or, without one, the same email). An email
     * that belongs to a different agent is a {@link DuplicateException}.
     */
    public Saved save(String orgId, AgentDraft draft) {
        return database.transaction(connection -> {
            Optional<Agent> byExternalId = draft.externalId() == null ? Optional.empty()
                    : findBy(connection, orgId, "external_id", draft.externalId());
            Optional<Agent> byEmail = draft.email() == null ? Optional.empty()
                    : findBy(connection, orgId, "email", draft.email());
            if (byExternalId.isPresent() && byEmail.isPresent()
                    && !byExternalId.get().id().equals(byEmail.get().id())) {
                throw new DuplicateException("The email " + draft.email() + " already belongs to another agent ("
                        + describe(byEmail.get()) + ").");
            }
            Optional<Agent> existing = byExternalId.or(() -> byEmail);
            Instant now = clock.instant();
            if (existing.isPresent()) {
                Agent old = existing.get();
                if (byExternalId.isEmpty() && draft.externalId() != null && old.externalId() != null) {
                    throw new DuplicateException("The email " + draft.email() + " already belongs to the agent "
                            + "with external id " + old.externalId() + ", not " + draft.externalId() + ".");
                }
                Agent updated = new Agent(old.id(), orgId, orElse(draft.externalId(), old.externalId()),
                        orElse(draft.email(), old.email()), draft.name(), orElse(draft.team(), old.team()),
                        old.createdAt(), now);
                Sql.update(connection, "UPDATE agents SET external_id = ?, email = ?, name = ?, team = ?, "
                                + "updated_at = ? WHERE id = ?", updated.externalId(), updated.email(), updated.name(),
                        updated.team(), now, updated.id());
                return new Saved(updated, false);
            }
            Agent agent = new Agent(Ids.next("agt"), orgId, draft.externalId(), draft.email(), draft.name(),
                    draft.team(), now, now);
            Sql.update(connection, "INSERT INTO agents (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    agent.id(), orgId, agent.externalId(), agent.email(), agent.name(), agent.team(), now, now);
            return new Saved(agent, true);
        });
    }

    public List<Agent> list(String orgId) {
        return database.read(c -> Sql.list(c, "SELECT " + COLUMNS + " FROM agents WHERE org_id = ? ORDER BY name, id",
                AgentRepository::map, orgId));
    }

    /** The agent a call's agent identifier names: its external id, or else its email. */
    public Optional<Agent> findByIdentifier(String orgId, String identifier) {
        if (identifier == null || identifier.isBlank()) {
            return Optional.empty();
        }
        String value = identifier.strip();
        return database.read(c -> {
            Optional<Agent> byExternalId = findBy(c, orgId, "external_id", value);
            if (byExternalId.isPresent() || !EmailAddresses.isPlausible(value)) {
                return byExternalId;
            }
            return findBy(c, orgId, "email", EmailAddresses.normalise(value));
        });
    }

    public AgentCreationSettings saveCreationSettings(String campaignId, boolean enabled, AgentEmailTemplate template,
                                                      String defaultTeam, String connectorName) {
        AgentCreationSettings settings = new AgentCreationSettings(campaignId, enabled, template,
                blankToNull(defaultTeam), blankToNull(connectorName), clock.instant());
        database.transaction(c -> {
            Sql.update(c, "DELETE FROM agent_creation_settings WHERE campaign_id = ?", campaignId);
            return Sql.update(c, "INSERT INTO agent_creation_settings (" + SETTINGS_COLUMNS
                            + ") VALUES (?, ?, ?, ?, ?, ?, ?)", campaignId, enabled, template.template(),
                    template.domain(), settings.defaultTeam(), settings.connectorName(), settings.updatedAt());
        });
        return settings;
    }

    public Optional<AgentCreationSettings> creationSettings(String campaignId) {
        return database.read(c -> Sql.one(c, "SELECT " + SETTINGS_COLUMNS + " FROM agent_creation_settings "
                + "WHERE campaign_id = ?", row -> new AgentCreationSettings(row.getString("campaign_id"),
                row.getBoolean("enabled"), new AgentEmailTemplate(row.getString("email_template"),
                row.getString("email_domain")), row.getString("default_team"), row.getString("connector_name"),
                Sql.instant(row, "updated_at")), campaignId));
    }

    private static Optional<Agent> findBy(Connection connection, String orgId, String column, String value)
            throws SQLException {
        return Sql.one(connection, "SELECT " + COLUMNS + " FROM agents WHERE org_id = ? AND " + column + " = ?",
                AgentRepository::map, orgId, value);
    }

    private static String describe(Agent agent) {
        return agent.externalId() != null ? "external id " + agent.externalId() : agent.name();
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Agent map(ResultSet row) throws SQLException {
        return new Agent(row.getString("id"), row.getString("org_id"), row.getString("external_id"),
                row.getString("email"), row.getString("name"), row.getString("team"), Sql.instant(row, "created_at"),
                Sql.instant(row, "updated_at"));
    }
}
