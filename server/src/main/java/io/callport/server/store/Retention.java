package io.callport.server.store;

import java.util.Set;

/** A campaign's retention choices, each restricted to what the platform offers for that kind of data. */
public record Retention(RetentionPeriod unprocessed, RetentionPeriod audioAndTranscripts,
                        RetentionPeriod metadataAndInsights) {

    /** What a campaign gets when its creator does not choose: the longest period offered for each. */
    public static final Retention DEFAULT = new Retention(RetentionPeriod.P3M, RetentionPeriod.P12M,
            RetentionPeriod.CONTRACT);

    public Retention {
        require("unprocessed conversations", unprocessed, RetentionPeriod.FOR_UNPROCESSED);
        require("audio and transcripts", audioAndTranscripts, RetentionPeriod.FOR_AUDIO_AND_TRANSCRIPTS);
        require("metadata and insights", metadataAndInsights, RetentionPeriod.FOR_METADATA_AND_INSIGHTS);
    }

    private static void require(String what, RetentionPeriod period, Set<RetentionPeriod> allowed) {
        if (period == null || !allowed.contains(period)) {
            throw new InvalidValueException("Retention for " + what + " must be one of "
                    + RetentionPeriod.names(allowed) + ", not '" + period + "'.");
        }
    }
}
