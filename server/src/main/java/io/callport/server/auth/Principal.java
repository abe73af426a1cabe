package io.callport.server.auth;

import io.javalin.http.Context;

/**
 * Who is calling: the organisation, the key, its role and, for a campaign-scoped key, the one campaign it may
 * touch. The authenticator puts it on every request but {@code /health}.
 */
public record Principal(String orgId, String keyId, String campaignId, Role role) {
    private static final String ATTRIBUTE = "callport.principal";

    public static Principal of(Context ctx) {
        Principal principal = ctx.attribute(ATTRIBUTE);
        if (principal == null) {
            throw new IllegalStateException("No principal: the route is not behind the authenticator.");
        }
        return principal;
    }

    void attachTo(Context ctx) {
        ctx.attribute(ATTRIBUTE, this);
    }

    public boolean isOrganisationWide() {
        return campaignId == null;
    }

    /** Whether this key may see the campaign at all; a campaign key sees only its own. */
    public boolean canSee(String otherCampaignId) {
        return isOrganisationWide() || campaignId.equals(otherCampaignId);
    }

    public Principal require(Permission permission) {
        if (!role.can(permission)) {
            throw new AccessDeniedException("A key with the role " + role + " may not do this; it needs the "
                    + permission + " permission.");
        }
        return this;
    }

    /** Refuses campaign-scoped keys for organisation-level work such as creating campaigns or keys. */
    public Principal requireOrganisationWide(String action) {
        if (!isOrganisationWide()) {
            throw new AccessDeniedException("This key is limited to campaign " + campaignId + " and cannot "
                    + action + "; use an organisation key.");
        }
        return this;
    }
}
