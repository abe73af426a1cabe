package io.callport.server.http;

import io.callport.server.auth.Permission;
import io.callport.server.auth.Principal;
import io.callport.server.store.Page;
import io.callport.server.store.Webhook;
import io.callport.server.store.WebhookDelivery;
import io.callport.server.store.WebhookRepository;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Webhooks told when a batch or a call finishes or fails, and what their deliveries did. Managed with an
 * organisation key allowed to manage API keys (a webhook's secret is a credential too).
 */
public final class WebhookRoutes implements RouteGroup {
    public static final String PATH = "/api/v1/webhooks";
    static final int MAX_URL_LENGTH = 2000;

    private final WebhookRepository webhooks;
    private final CampaignLookup lookup;

    public WebhookRoutes(WebhookRepository webhooks, CampaignLookup lookup) {
        this.webhooks = webhooks;
        this.lookup = lookup;
    }

    public record WebhookRequest(String url, String campaignId) {
    }

    /** A webhook as listed; the secret appears only in the answer that makes it. */
    public record WebhookView(String id, String url, String campaignId, String secret, Instant createdAt) {
        static WebhookView of(Webhook w, boolean withSecret) {
            return new WebhookView(w.id(), w.url(), w.campaignId(), withSecret ? w.secret() : null, w.createdAt());
        }
    }

    public record DeliveryView(String id, String eventType, String status, int attempts, Integer lastStatusCode,
                               String lastError, Instant createdAt, Instant deliveredAt) {
        static DeliveryView of(WebhookDelivery d) {
            return new DeliveryView(d.id(), d.eventType(), d.status(), d.attempts(), d.lastStatusCode(), d.lastError(),
                    d.createdAt(), d.deliveredAt());
        }
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post(PATH, this::create)
                .get(PATH, this::list)
                .delete(PATH + "/{id}", this::delete)
                .get(PATH + "/{id}/deliveries", this::deliveries);
    }

    @Override
    public Optional<String> openApiResource() {
        return Optional.of("/io/callport/server/http/openapi/webhooks.json");
    }

    private void create(Context ctx) {
        Principal principal = manager(ctx);
        WebhookRequest request = Requests.json(ctx, WebhookRequest.class);
        String url = requireUrl(request.url());
        String campaignId = request.campaignId() == null || request.campaignId().isBlank() ? null
                : lookup.visible(principal, request.campaignId()).id();
        ctx.status(201).json(WebhookView.of(webhooks.create(principal.orgId(), campaignId, url), true));
    }

    private void list(Context ctx) {
        Principal principal = manager(ctx);
        ctx.json(webhooks.list(principal.orgId()).stream().map(w -> WebhookView.of(w, false)).toList());
    }

    private void delete(Context ctx) {
        Principal principal = manager(ctx);
        if (!webhooks.delete(principal.orgId(), ctx.pathParam("id"))) {
            throw ApiException.unreachable("webhook", ctx.pathParam("id"));
        }
        ctx.status(204);
    }

    private void deliveries(Context ctx) {
        Principal principal = manager(ctx);
        Webhook webhook = webhooks.find(principal.orgId(), ctx.pathParam("id"))
                .orElseThrow(() -> ApiException.unreachable("webhook", ctx.pathParam("id")));
        Page page = PipelineQuery.page(ctx);
        List<WebhookDelivery> found = webhooks.deliveries(webhook.id(), page);
        ctx.json(PipelineViews.Listing.of(found, page, DeliveryView::of));
    }

    private static Principal manager(Context ctx) {
        return Principal.of(ctx).require(Permission.MANAGE_API_KEYS).requireOrganisationWide("manage webhooks");
    }

    /** An absolute http or https address with a host. */
    static String requireUrl(String text) {
        String url = text == null ? "" : text.strip();
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && url.length() <= MAX_URL_LENGTH) {
                return url;
            }
        } catch (URISyntaxException e) {
            // refused below with the same sentence
        }
        throw ApiException.badRequest("A webhook needs an http or https address such as "
                + "https://crm.example.com/callport (at most " + MAX_URL_LENGTH + " characters), not '" + url + "'.");
    }
}
