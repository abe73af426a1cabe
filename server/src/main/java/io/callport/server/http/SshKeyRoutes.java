package io.callport.server.http;

import io.callport.server.ListeningPorts;
import io.callport.server.auth.Permission;
import io.callport.server.auth.Principal;
import io.callport.server.auth.SshPublicKeys;
import io.callport.server.store.Organisation;
import io.callport.server.store.OrganisationRepository;
import io.callport.server.store.SshKeyMaterial;
import io.callport.server.store.SshKeyRecord;
import io.callport.server.store.SshKeyRepository;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /api/v1/ssh-keys}: a public key in, SFTP credentials out. A key bound to a campaign logs in to that
 * campaign's folder; an organisation key sees one folder per campaign.
 */
public final class SshKeyRoutes implements RouteGroup {
    public static final String PATH = "/api/v1/ssh-keys";
    private static final Set<String> WILDCARD_ADDRESSES = Set.of("0.0.0.0", "::", "[::]");

    private final SshKeyRepository sshKeys;
    private final OrganisationRepository organisations;
    private final CampaignLookup lookup;
    private final String bind;
    private final ListeningPorts ports;

    public SshKeyRoutes(SshKeyRepository sshKeys, OrganisationRepository organisations, CampaignLookup lookup,
                        String bind, ListeningPorts ports) {
        this.sshKeys = sshKeys;
        this.organisations = organisations;
        this.lookup = lookup;
        this.bind = bind;
        this.ports = ports;
    }

    public record SshKeyRequest(String publicKey, String campaignId) {
    }

    /** The SFTP credentials a key opens, and what identifies the key. */
    public record SshKeyView(String id, String host, int port, String username, String campaignId,
                             String fingerprint, String algorithm, int bits, String comment, Instant createdAt) {
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post(PATH, this::register)
                .get(PATH, this::list)
                .delete(PATH + "/{id}", this::delete);
    }

    @Override
    public Optional<String> openApiResource() {
        return Optional.of("/io/callport/server/http/openapi/ssh-keys.json");
    }

    private void register(Context ctx) {
        Principal principal = Principal.of(ctx).require(Permission.CONFIGURE_SFTP);
        SshKeyRequest request = Requests.json(ctx, SshKeyRequest.class);
        SshKeyMaterial key = SshPublicKeys.parse(request.publicKey());
        String campaignId = request.campaignId() != null ? lookup.visible(principal, request.campaignId()).id()
                : principal.campaignId();
        Organisation organisation = organisations.find(principal.orgId()).orElseThrow();
        SshKeyRecord record = sshKeys.create(organisation, campaignId, key);
        ctx.status(201).json(view(ctx, record));
    }

    private void list(Context ctx) {
        Principal principal = Principal.of(ctx).require(Permission.CONFIGURE_SFTP);
        ctx.json(sshKeys.list(principal.orgId()).stream()
                .filter(record -> visible(principal, record))
                .map(record -> view(ctx, record)).toList());
    }

    private void delete(Context ctx) {
        Principal principal = Principal.of(ctx).require(Permission.CONFIGURE_SFTP);
        String id = ctx.pathParam("id");
        boolean visible = sshKeys.find(principal.orgId(), id).filter(record -> visible(principal, record)).isPresent();
        if (!visible || !sshKeys.delete(principal.orgId(), id)) {
            throw ApiException.unreachable("SSH key", id);
        }
        ctx.status(204);
    }

    /** A campaign key sees only SSH keys bound to its own campaign. */
    private static boolean visible(Principal principal, SshKeyRecord record) {
        return principal.isOrganisationWide() || principal.campaignId().equals(record.campaignId());
    }

    private SshKeyView view(Context ctx, SshKeyRecord record) {
        SshKeyMaterial key = record.key();
        return new SshKeyView(record.id(), advertisedHost(ctx), ports.sftp(), record.sftpUsername(),
                record.campaignId(), key.fingerprint(), key.algorithm(), key.bits(), key.comment(), record.createdAt());
    }

    /** The bind address, or, when bound to every address, the host name the client used to reach the API. */
    private String advertisedHost(Context ctx) {
        if (!WILDCARD_ADDRESSES.contains(bind)) {
            return bind;
        }
        String host = ctx.req().getServerName();
        return host == null || host.isBlank() ? bind : host;
    }
}
