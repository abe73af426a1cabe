package io.callport.service;

import io.callport.mapping.FieldMapping;
import io.callport.service.api.MappingVersion;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Submits a mapping to a campaign on the server, keeping a local copy of each version submitted as
 * {@code <campaign id>-v<version>.json} in a folder of the config folder.
 */
public final class CampaignMappings {
    private final MappingStore store;
    private final Path copies;

    public CampaignMappings(MappingStore store, Path copies) {
        this.store = store;
        this.copies = copies;
    }

    /** Saves the mapping as the campaign's next version on the server, then its local copy. */
    public Submitted submit(Connection connection, FieldMapping mapping) throws IOException {
        String campaignId = connection.profile().campaignId();
        if (campaignId == null) {
            throw new IOException("The profile " + connection.profile().name() + " has no campaign; choose one on "
                    + "the Servers screen.");
        }
        MappingVersion version = connection.client().saveMapping(campaignId, mapping);
        Path copy = copies.resolve(campaignId + "-v" + version.version() + ".json");
        java.nio.file.Files.createDirectories(copies);
        store.save(mapping, copy);
        return new Submitted(version, copy);
    }

    /** The version the server gave the mapping, and where its local copy is. */
    public record Submitted(MappingVersion version, Path localCopy) {
    }
}
