package io.callport.server.store;

import java.time.Instant;

/**
 * Whether ingestion may create an agent it has no mapping for, and how: the email format, the team new agents
 * join and the connector name recorded as their source (e.g. "Recorder").
 */
public record AgentCreationSettings(String campaignId, boolean enabled, AgentEmailTemplate emailTemplate,
                                    String defaultTeam, String connectorName, Instant updatedAt) {
}
