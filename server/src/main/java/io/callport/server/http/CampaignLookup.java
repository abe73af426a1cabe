package io.callport.server.http;

import io.callport.server.auth.Principal;
import io.callport.server.store.Campaign;
import io.callport.server.store.CampaignRepository;

/**
 * Finds a campaign the caller may see. Another organisation's campaign, and for a campaign key any other campaign,
 * is answered exactly like a campaign that does not exist: 404, so ids cannot be probed.
 */
public final class CampaignLookup {
    private final CampaignRepository campaigns;

    public CampaignLookup(CampaignRepository campaigns) {
        this.campaigns = campaigns;
    }

    public Campaign visible(Principal principal, String campaignId) {
        return campaigns.find(principal.orgId(), campaignId)
                .filter(campaign -> principal.canSee(campaign.id()))
                .orElseThrow(() -> ApiException.unreachable("campaign", campaignId));
    }
}
