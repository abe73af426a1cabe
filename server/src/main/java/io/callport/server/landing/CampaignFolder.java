package io.callport.server.landing;

import java.util.Objects;

/**
 * Where one campaign's files land: {@code <landing root>/<orgFolder>/<campaignFolder>}. Both names are folder
 * slugs chosen by the server, never by an uploader.
 */
public record CampaignFolder(String orgFolder, String campaignFolder) {

    public CampaignFolder {
        requireSlug(orgFolder, "organisation folder");
        requireSlug(campaignFolder, "campaign folder");
    }

    /** A slug is one path segment that cannot hide, climb or collide with the landing area's own folders. */
    static String requireSlug(String slug, String what) {
        Objects.requireNonNull(slug, what);
        if (slug.isEmpty() || slug.startsWith(".") || !FileNames.isSingleSegment(slug)) {
            throw new IllegalArgumentException("The " + what + " \"" + slug + "\" is not a usable folder name.");
        }
        return slug;
    }

    @Override
    public String toString() {
        return orgFolder + "/" + campaignFolder;
    }
}
