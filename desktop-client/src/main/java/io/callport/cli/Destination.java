package io.callport.cli;

import io.callport.mapping.FieldMapping;
import io.callport.service.Campaigns;
import io.callport.service.Profile;
import io.callport.service.Profiles;
import io.callport.service.ServerClient;
import io.callport.service.Transport;
import io.callport.service.api.Campaign;
import io.callport.service.upload.RetryPolicy;
import io.callport.service.upload.UploadService;
import io.callport.service.upload.UploadTuning;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

/**
 * Where {@code upload} and {@code watch} send to: the profile (with the transport asked for), its server, the
 * campaign, and the campaign's mapping the files are checked against.
 */
record Destination(Profile profile, ServerClient client, Campaign campaign, Optional<FieldMapping> mapping,
                   UploadService uploads) {

    static Destination resolve(ProfileOptions options, String campaignName, Transport transport) throws IOException {
        Profiles profiles = options.profiles();
        Profile profile = options.profile(profiles);
        if (transport != null) {
            profile = profile.withTransport(transport);
        }
        if (profile.transport() == Transport.SFTP && profile.sftp() == null) {
            throw new IOException("The profile " + profile.name() + " has no SSH key registered for SFTP; add one "
                    + "with: callport profile add " + profile.name() + " --ssh-key FILE ..., or use --transport http.");
        }
        String wanted = campaignName != null ? campaignName : profile.campaignId();
        if (wanted == null) {
            throw new IOException("Name the campaign with --campaign; the profile " + profile.name() + " has none.");
        }
        ServerClient client = profiles.client(profile);
        Campaign campaign = Campaigns.find(client.campaigns(), wanted);
        UploadService uploads = new UploadService(profiles.folder(), UploadTuning.DEFAULT, RetryPolicy.DEFAULT,
                Clock.systemUTC());
        return new Destination(profile, client, campaign, client.mapping(campaign.id()), uploads);
    }

    String describe() {
        return campaign.name() + " on " + profile.name() + " (" + profile.url() + "), "
                + (profile.transport() == Transport.SFTP ? "by SFTP" : "over HTTPS");
    }
}
