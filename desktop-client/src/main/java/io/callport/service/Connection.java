package io.callport.service;

import java.util.Objects;

/** The profile the Uploader works with, and a client for its server holding the profile's API key. */
public record Connection(Profile profile, ServerClient client) {

    public Connection {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(client, "client");
    }

    /** Whether the profile names a campaign to send to. */
    public boolean hasCampaign() {
        return profile.campaignId() != null;
    }
}
