package io.callport.server.http;

import io.callport.server.auth.Permission;
import io.callport.server.auth.Principal;
import io.callport.server.store.Agent;
import io.callport.server.store.AgentCreationSettings;
import io.callport.server.store.AgentDraft;
import io.callport.server.store.AgentEmailTemplate;
import io.callport.server.store.AgentRepository;
import io.callport.server.store.Campaign;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;

/**
 * Agent mappings ("third-party user mappings"): one by one, by CSV import, and each campaign's settings for creating
 * agents on the fly during ingestion.
 */
public final class AgentRoutes implements RouteGroup {
    public static final String PATH = "/api/v1/agents";
    private static final String CREATION_PATH = CampaignRoutes.PATH + "/{id}/agent-creation";
    static final long MAX_IMPORT_BYTES = 20L * 1024 * 1024;

    private final AgentRepository agents;
    private final CampaignLookup lookup;

    public AgentRoutes(AgentRepository agents, CampaignLookup lookup) {
        this.agents = agents;
        this.lookup = lookup;
    }

    public record AgentRequest(String externalId, String email, String name, String team) {
    }

    public record AgentView(String id, String externalId, String email, String name, String team, Instant createdAt,
                            Instant updatedAt) {
        static AgentView of(Agent a) {
            return new AgentView(a.id(), a.externalId(), a.email(), a.name(), a.team(), a.createdAt(), a.updatedAt());
        }
    }

    public record AgentCreationRequest(Boolean enabled, String emailTemplate, String emailDomain, String defaultTeam,
                                       String connectorName) {
    }

    public record AgentCreationView(String campaignId, boolean enabled, String emailTemplate, String emailDomain,
                                    String defaultTeam, String connectorName, Instant updatedAt) {
        static AgentCreationView of(AgentCreationSettings s) {
            return new AgentCreationView(s.campaignId(), s.enabled(), s.emailTemplate().template(),
                    s.emailTemplate().domain(), s.defaultTeam(), s.connectorName(), s.updatedAt());
        }
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post(PATH, this::save)
                .get(PATH, this::list)
                .post(PATH + "/import", this::importCsv)
                .put(CREATION_PATH, this::saveCreation)
                .get(CREATION_PATH, this::creation);
    }

    @Override
    public Optional<String> openApiResource() {
        return Optional.of("/io/callport/server/http/openapi/agents.json");
    }

    private void save(Context ctx) {
        Principal principal = manager(ctx);
        AgentRequest request = Requests.json(ctx, AgentRequest.class);
        AgentRepository.Saved saved = agents.save(principal.orgId(),
                new AgentDraft(request.externalId(), request.email(), request.name(), request.team()));
        ctx.status(saved.created() ? 201 : 200).json(AgentView.of(saved.agent()));
    }

    private void list(Context ctx) {
        Principal principal = Principal.of(ctx).require(Permission.VIEW_CAMPAIGNS)
                .requireOrganisationWide("list the organisation's agents");
        ctx.json(agents.list(principal.orgId()).stream().map(AgentView::of).toList());
    }

    private void importCsv(Context ctx) throws IOException {
        Principal principal = manager(ctx);
        try (InputStream csv = BoundedBody.of(ctx, MAX_IMPORT_BYTES, "agent file")) {
            ctx.json(AgentCsvImport.run(csv, agents, principal.orgId()));
        }
    }

    private void saveCreation(Context ctx) {
        Principal principal = Principal.of(ctx).require(Permission.MANAGE_AGENTS);
        Campaign campaign = lookup.visible(principal, ctx.pathParam("id"));
        AgentCreationRequest request = Requests.json(ctx, AgentCreationRequest.class);
        AgentEmailTemplate template = new AgentEmailTemplate(request.emailTemplate(), request.emailDomain());
        ctx.json(AgentCreationView.of(agents.saveCreationSettings(campaign.id(),
                request.enabled() == null || request.enabled(), template, request.defaultTeam(),
                request.connectorName())));
    }

    private void creation(Context ctx) {
        Principal principal = Principal.of(ctx).require(Permission.VIEW_CAMPAIGNS);
        Campaign campaign = lookup.visible(principal, ctx.pathParam("id"));
        AgentCreationSettings settings = agents.creationSettings(campaign.id()).orElseThrow(() ->
                ApiException.notFound("The campaign " + campaign.name() + " does not create agents on the fly; "
                        + "PUT settings to turn it on."));
        ctx.json(AgentCreationView.of(settings));
    }

    private static Principal manager(Context ctx) {
        return Principal.of(ctx).require(Permission.MANAGE_AGENTS).requireOrganisationWide("change agent mappings");
    }
}
