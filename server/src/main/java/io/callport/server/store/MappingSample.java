package io.callport.server.store;

import java.time.Instant;
import java.util.List;

/** The columns of the last sample file uploaded for a campaign: names, or "1", "2", ... without a header. */
public record MappingSample(String campaignId, List<String> header, boolean hasHeader, Instant uploadedAt) {
    public MappingSample {
        header = List.copyOf(header);
    }
}
