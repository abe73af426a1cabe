package io.callport.server.http;

import io.callport.api.Connector;
import io.callport.api.ConnectorFile;
import io.callport.api.ConnectorRequest;
import io.callport.api.ConnectorRun;
import io.callport.server.auth.Permission;
import io.callport.server.auth.Principal;
import io.callport.server.pull.ConnectorSettings;
import io.callport.server.pull.Credentials;
import io.callport.server.pull.PullConnector;
import io.callport.server.pull.PullConnectorRepository;
import io.callport.server.pull.PullLedger;
import io.callport.server.pull.PullScheduler;
import io.callport.server.pull.PullState;
import io.callport.server.pull.RunReport;
import io.callport.server.pull.S3Site;
import io.callport.server.store.Campaign;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/v1/campaigns/{id}/connectors} and {@code /api/v1/connectors/{id}}: the pull connectors that fetch a
 * campaign's files from the customer's SFTP, FTP(S) or S3. Configure them, run them now, accept a changed host key,
 * and read what they fetched. Credentials go in and never come out. Every change reaches the scheduler at once.
 */
public final class PullConnectorRoutes implements RouteGroup {
    public static final String PATH = "/api/v1/connectors";
    static final String CAMPAIGN_PATH = CampaignRoutes.PATH + "/{id}/connectors";
    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 1000;
    /** The longest a caller may wait for a run started through the API. */
    static final int MAX_WAIT_SECONDS = 300;
    private static final Logger LOG = LoggerFactory.getLogger(PullConnectorRoutes.class);

    private final PullConnectorRepository connectors;
    private final PullLedger ledger;
    private final PullScheduler scheduler;
    private final CampaignLookup campaigns;

    public PullConnectorRoutes(PullConnectorRepository connectors, PullLedger ledger, PullScheduler scheduler,
                               CampaignLookup campaigns) {
        this.connectors = connectors;
        this.ledger = ledger;
        this.scheduler = scheduler;
        this.campaigns = campaigns;
    }

    /** A page of a connector's files, shaped like the API's other pages; {@code nextOffset} is null on the last. */
    public record FilesPage(List<ConnectorFile> items, Integer nextOffset) {
    }

    /** The fingerprint a person checked with the customer, as the connector's status offered it. */
    public record HostKeyConfirmation(String fingerprint) {
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post(CAMPAIGN_PATH, this::create)
                .get(CAMPAIGN_PATH, this::listForCampaign)
                .get(PATH + "/{id}", this::read)
                .patch(PATH + "/{id}", this::update)
                .delete(PATH + "/{id}", this::delete)
                .post(PATH + "/{id}/run", this::run)
                .post(PATH + "/{id}/confirm-host-key", this::confirmHostKey)
                .get(PATH + "/{id}/files", this::files);
    }

    @Override
    public Optional<String> openApiResource() {
        return Optional.of("/io/callport/server/http/openapi/connectors.json");
    }

    private void create(Context ctx) {
        Principal principal = Principal.of(ctx).require(Permission.CONFIGURE_SFTP);
        Campaign campaign = campaigns.visible(principal, ctx.pathParam("id"));
        ConnectorRequest request = Requests.json(ctx, ConnectorRequest.class);
        ConnectorSettings settings = ConnectorRequests.newSettings(request);
        PullConnector created = connectors.create(principal.orgId(), campaign.id(), settings,
                Objects.requireNonNullElse(ConnectorRequests.credentials(request, settings.site(), true),
                        Credentials.none()));
        if (Boolean.FALSE.equals(request.enabled())) {
            connectors.setEnabled(principal.orgId(), created.id(), false);
        }
        scheduler.refresh();
        log("connector created", principal, created);
        ctx.status(201).json(view(principal, created.id()));
    }

    private void listForCampaign(Context ctx) {
        Principal principal = Principal.of(ctx).require(Permission.CONFIGURE_SFTP);
        Campaign campaign = campaigns.visible(principal, ctx.pathParam("id"));
        ctx.json(connectors.listForCampaign(principal.orgId(), campaign.id()).stream()
                .map(connector -> ConnectorViews.of(connector, ledger.counts(connector.id()))).toList());
    }

    private void read(Context ctx) {
        Principal principal = Principal.of(ctx).require(Permission.CONFIGURE_SFTP);
        ctx.json(view(principal, visible(principal, ctx.pathParam("id")).id()));
    }

    private void update(Context ctx) {
        Principal principal = Principal.of(ctx).require(Permission.CONFIGURE_SFTP);
        PullConnector connector = visible(principal, ctx.pathParam("id"));
        ConnectorRequest request = Requests.json(ctx, ConnectorRequest.class);
        if (ConnectorRequests.changesSettings(request)) {
            ConnectorSettings changed = ConnectorRequests.applyTo(request, connector.settings());
            Credentials credentials = ConnectorRequests.credentials(request, changed.site(),
                    connector.defaultCredentials());
            String before = SiteFields.of(connector.settings().site()).protocol();
            String after = SiteFields.of(changed.site()).protocol();
            if (!before.equals(after) && credentials == null) {
                throw ApiException.badRequest("Changing the protocol from " + before + " to " + after + " needs the "
                        + "credentials for " + after + " too.");
            }
            connectors.update(principal.orgId(), connector.id(), changed, credentials);
        }
        if (request.enabled() != null) {
            connectors.setEnabled(principal.orgId(), connector.id(), request.enabled());
        }
        scheduler.refresh();
        log("connector changed", principal, connector);
        ctx.json(view(principal, connector.id()));
    }

    /** Disables the connector, lets a run in progress end, then forgets it; files already landed stay. */
    private void delete(Context ctx) throws InterruptedException, IOException {
        Principal principal = Principal.of(ctx).require(Permission.CONFIGURE_SFTP);
        PullConnector connector = visible(principal, ctx.pathParam("id"));
        connectors.setEnabled(principal.orgId(), connector.id(), false);
        scheduler.retire(connector.id());
        connectors.delete(principal.orgId(), connector.id());
        log("connector deleted", principal, connector);
        ctx.status(204);
    }

    /** Starts a run now; with {@code ?wait=SECONDS} answers with what it did when it ends within that time. */
    private void run(Context ctx) throws InterruptedException {
        Principal principal = Principal.of(ctx).require(Permission.CONFIGURE_SFTP);
        PullConnector connector = visible(principal, ctx.pathParam("id"));
        int waitSeconds = ctx.queryParamAsClass("wait", Integer.class).getOrDefault(0);
        if (waitSeconds < 0 || waitSeconds > MAX_WAIT_SECONDS) {
            throw ApiException.badRequest("wait is 0 to " + MAX_WAIT_SECONDS + " seconds, not " + waitSeconds + ".");
        }
        scheduler.refresh();
        CompletableFuture<RunReport> run = scheduler.runNow(connector.id()).orElseThrow(() -> new ApiException(409,
                "conflict", "The connector '" + connector.settings().name() + "' is disabled; enable it before "
                + "running it."));
        RunReport report = waitSeconds == 0 ? null : await(run, waitSeconds);
        ctx.status(report == null ? 202 : 200).json(new ConnectorRun(report == null ? null
                : ConnectorViews.outcome(report), view(principal, connector.id())));
    }

    private void confirmHostKey(Context ctx) {
        Principal principal = Principal.of(ctx).require(Permission.CONFIGURE_SFTP);
        PullConnector connector = visible(principal, ctx.pathParam("id"));
        HostKeyConfirmation confirmation = Requests.json(ctx, HostKeyConfirmation.class);
        if (connector.settings().site() instanceof S3Site) {
            throw ApiException.badRequest("An S3 connector has no host key or certificate to confirm.");
        }
        if (confirmation.fingerprint() == null || confirmation.fingerprint().isBlank()) {
            throw ApiException.badRequest("Give the fingerprint you checked with the customer (SHA256:...), as the "
                    + "connector's status offers it.");
        }
        connectors.confirmFingerprint(principal.orgId(), connector.id(), confirmation.fingerprint());
        scheduler.refresh();
        LOG.atInfo().addKeyValue("connector", connector.id()).addKeyValue("key", principal.keyId())
                .addKeyValue("fingerprint", confirmation.fingerprint().strip()).log("connector host key confirmed");
        ctx.json(view(principal, connector.id()));
    }

    private void files(Context ctx) {
        Principal principal = Principal.of(ctx).require(Permission.CONFIGURE_SFTP);
        PullConnector connector = visible(principal, ctx.pathParam("id"));
        PullState state = state(ctx.queryParam("state"));
        int offset = ctx.queryParamAsClass("offset", Integer.class).getOrDefault(0);
        int limit = ctx.queryParamAsClass("limit", Integer.class).getOrDefault(DEFAULT_PAGE_SIZE);
        if (offset < 0 || limit < 1 || limit > MAX_PAGE_SIZE) {
            throw ApiException.badRequest("offset is 0 or more and limit 1 to " + MAX_PAGE_SIZE + ".");
        }
        List<ConnectorFile> files = ledger.recent(connector.id(), state, offset, limit + 1).stream()
                .map(ConnectorViews::file).toList();
        boolean more = files.size() > limit;
        ctx.json(new FilesPage(more ? files.subList(0, limit) : files, more ? offset + limit : null));
    }

    /** A connector of the caller's organisation in a campaign the key reaches; anything else is a 404. */
    private PullConnector visible(Principal principal, String id) {
        return connectors.find(principal.orgId(), id)
                .filter(connector -> principal.canSee(connector.campaignId()))
                .orElseThrow(() -> ApiException.unreachable("connector", id));
    }

    private Connector view(Principal principal, String id) {
        PullConnector connector = connectors.find(principal.orgId(), id)
                .orElseThrow(() -> ApiException.notFound("The connector " + id + " no longer exists."));
        return ConnectorViews.of(connector, ledger.counts(id));
    }

    private static RunReport await(CompletableFuture<RunReport> run, int seconds) throws InterruptedException {
        try {
            return run.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException stillRunning) {
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException("The connector's run failed unexpectedly", e.getCause());
        }
    }

    private static PullState state(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return PullState.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("The state '" + text + "' is not one of "
                    + Arrays.toString(PullState.values()) + ".");
        }
    }

    /** Who changed which connector, and where it points; never a secret. */
    private static void log(String event, Principal principal, PullConnector connector) {
        LOG.atInfo().addKeyValue("connector", connector.id()).addKeyValue("campaign", connector.campaignId())
                .addKeyValue("key", principal.keyId()).log(event);
    }
}
