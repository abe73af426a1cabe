package io.callport.server.http;

import io.callport.server.auth.Permission;
import io.callport.server.auth.Principal;
import io.callport.server.store.Campaign;
import io.callport.server.store.CampaignRepository;
import io.callport.server.store.CampaignSettings;
import io.callport.server.store.PickingRule;
import io.callport.server.store.Retention;
import io.callport.server.store.RetentionPeriod;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** {@code /api/v1/campaigns}: create, list, read and change campaigns. */
public final class CampaignRoutes implements RouteGroup {
    public static final String PATH = "/api/v1/campaigns";

    private final CampaignRepository campaigns;
    private final CampaignLookup lookup;

    public CampaignRoutes(CampaignRepository campaigns, CampaignLookup lookup) {
        this.campaigns = campaigns;
        this.lookup = lookup;
    }

    /**
     * A campaign as the API shows it.
     *
     * @param picking which of each batch's calls it takes in: {@code all}, {@code 30%} or {@code 5 per agent}
     */
    public record CampaignView(String id, String name, String folder, boolean csvRequired, int batchWindowSeconds,
                               Retention retention, String picking, Instant createdAt, Instant updatedAt) {
        static CampaignView of(Campaign c) {
            return new CampaignView(c.id(), c.name(), c.folder(), c.csvRequired(), c.batchWindowSeconds(),
                    c.retention(), c.picking().text(), c.createdAt(), c.updatedAt());
        }
    }

    /** Retention choices in a request; each absent one keeps its current (or default) value. */
    public record RetentionRequest(String unprocessed, String audioAndTranscripts, String metadataAndInsights) {
        Retention applyTo(Retention base) {
            return new Retention(
                    pick("unprocessed conversations", unprocessed, base.unprocessed(),
                            RetentionPeriod.FOR_UNPROCESSED),
                    pick("audio and transcripts", audioAndTranscripts, base.audioAndTranscripts(),
                            RetentionPeriod.FOR_AUDIO_AND_TRANSCRIPTS),
                    pick("metadata and insights", metadataAndInsights, base.metadataAndInsights(),
                            RetentionPeriod.FOR_METADATA_AND_INSIGHTS));
        }

        private static RetentionPeriod pick(String what, String value, RetentionPeriod current,
                                            Set<RetentionPeriod> allowed) {
            return value == null ? current : RetentionPeriod.parse(what, value, allowed);
        }
    }

    /** The body of POST (name required) and PATCH (every field optional). */
    public record CampaignRequest(String name, String folder, Boolean csvRequired, Integer batchWindowSeconds,
                                  RetentionRequest retention, String picking) {
        CampaignSettings applyTo(CampaignSettings base) {
            return new CampaignSettings(
                    name != null ? name : base.name(),
                    folder != null ? folder : base.folder(),
                    csvRequired != null ? csvRequired : base.csvRequired(),
                    batchWindowSeconds != null ? batchWindowSeconds : base.batchWindowSeconds(),
                    retention != null ? retention.applyTo(base.retention()) : base.retention(),
                    picking != null ? PickingRule.parse(picking) : base.picking());
        }
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post(PATH, this::create)
                .get(PATH, this::list)
                .get(PATH + "/{id}", this::read)
                .patch(PATH + "/{id}", this::update);
    }

    @Override
    public Optional<String> openApiResource() {
        return Optional.of("/io/callport/server/http/openapi/campaigns.json");
    }

    private void create(Context ctx) {
        Principal principal = Principal.of(ctx).require(Permission.CONFIGURE_SFTP)
                .requireOrganisationWide("create campaigns");
        CampaignRequest request = Requests.json(ctx, CampaignRequest.class);
        if (request.name() == null) {
            throw ApiException.badRequest("A campaign needs a name.");
        }
        CampaignSettings defaults = new CampaignSettings(request.name(), null, true,
                CampaignSettings.DEFAULT_BATCH_WINDOW_SECONDS, Retention.DEFAULT);
        Campaign campaign = campaigns.create(principal.orgId(), request.applyTo(defaults));
        ctx.status(201).json(CampaignView.of(campaign));
    }

    private void list(Context ctx) {
        Principal principal = Principal.of(ctx).require(Permission.VIEW_CAMPAIGNS);
        ctx.json(campaigns.list(principal.orgId()).stream()
                .filter(campaign -> principal.canSee(campaign.id()))
                .map(CampaignView::of).toList());
    }

    private void read(Context ctx) {
        Principal principal = Principal.of(ctx).require(Permission.VIEW_CAMPAIGNS);
        ctx.json(CampaignView.of(lookup.visible(principal, ctx.pathParam("id"))));
    }

    private void update(Context ctx) {
        Principal principal = Principal.of(ctx).require(Permission.CONFIGURE_SFTP);
        Campaign campaign = lookup.visible(principal, ctx.pathParam("id"));
        CampaignRequest request = Requests.json(ctx, CampaignRequest.class);
        CampaignSettings current = new CampaignSettings(campaign.name(), null, campaign.csvRequired(),
                campaign.batchWindowSeconds(), campaign.retention(), campaign.picking());
        Campaign updated = campaigns.update(principal.orgId(), campaign.id(), request.applyTo(current))
                .orElseThrow(() -> ApiException.notFound("The campaign " + campaign.id() + " no longer exists."));
        ctx.json(CampaignView.of(updated));
    }
}
