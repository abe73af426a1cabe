package io.callport.server.upload;

import io.callport.server.landing.CampaignFolder;
import io.callport.server.landing.UploadSource;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UnauthorizedResponse;
import java.util.Map;
import java.util.Set;

/**
 * A small real {@link UploadTargets}: two campaigns of one organisation and two bearer keys, one scoped to the
 * sales campaign, one to the whole organisation, as the server's auth layer will provide.
 */
final class TestCampaigns implements UploadTargets {
    static final String SALES_ID = "c-sales";
    static final String SUPPORT_ID = "c-support";
    static final String SALES_KEY = "cp_sales_only";
    static final String ORG_KEY = "cp_whole_org";
    static final UploadTarget SALES = new UploadTarget(SALES_ID, "org-acme", new CampaignFolder("acme", "sales"),
            UploadSource.API);
    static final UploadTarget SUPPORT = new UploadTarget(SUPPORT_ID, "org-acme",
            new CampaignFolder("acme", "support"), UploadSource.API);

    private static final Map<String, UploadTarget> CAMPAIGNS = Map.of(SALES_ID, SALES, SUPPORT_ID, SUPPORT);
    private static final Map<String, Set<String>> KEYS = Map.of(SALES_KEY, Set.of(SALES_ID),
            ORG_KEY, Set.of(SALES_ID, SUPPORT_ID));

    @Override
    public UploadTarget resolve(Context ctx, String campaignId) {
        String authorization = ctx.header("Authorization");
        Set<String> allowed = authorization == null ? null : KEYS.get(authorization.replaceFirst("^Bearer ", ""));
        if (allowed == null) {
            throw new UnauthorizedResponse("Send an API key.");
        }
        UploadTarget target = CAMPAIGNS.get(campaignId);
        if (target == null) {
            throw new NotFoundResponse("There is no campaign " + campaignId + ".");
        }
        if (!allowed.contains(campaignId)) {
            throw new ForbiddenResponse("This key cannot upload to campaign " + campaignId + ".");
        }
        return target;
    }
}
