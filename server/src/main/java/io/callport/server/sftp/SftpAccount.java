package io.callport.server.sftp;

import io.callport.server.landing.CampaignFolder;
import io.callport.server.landing.LandingArea;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Who logged in and what they see. A key bound to a campaign sees that campaign's folder as its root; an
 * organisation key sees one folder per campaign of its organisation.
 *
 * @param username       the login name
 * @param orgFolder      the organisation's folder slug
 * @param campaignFolder the campaign's folder slug when the login is bound to one campaign
 */
public record SftpAccount(String username, String orgFolder, Optional<String> campaignFolder) {

    public static SftpAccount forCampaign(String username, CampaignFolder campaign) {
        return new SftpAccount(username, campaign.orgFolder(), Optional.of(campaign.campaignFolder()));
    }

    public static SftpAccount forOrganisation(String username, String orgFolder) {
        return new SftpAccount(username, orgFolder, Optional.empty());
    }

    /** The folder this login sees as "/", created if missing. */
    Path rootIn(LandingArea landing) throws IOException {
        return campaignFolder.isPresent()
                ? landing.campaignDir(new CampaignFolder(orgFolder, campaignFolder.get()))
                : landing.organisationDir(orgFolder);
    }
}
