package io.callport.server.store;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** How long a kind of data is kept: a number of months (ISO-8601 period names) or the length of the contract. */
public enum RetentionPeriod {
    P1M, P2M, P3M, P6M, P12M, CONTRACT;

    /** Unprocessed conversation data: 1, 2 or 3 months. */
    public static final Set<RetentionPeriod> FOR_UNPROCESSED = EnumSet.of(P1M, P2M, P3M);
    /** Transcripts and call audio: 1, 2, 3, 6 or 12 months. */
    public static final Set<RetentionPeriod> FOR_AUDIO_AND_TRANSCRIPTS = EnumSet.of(P1M, P2M, P3M, P6M, P12M);
    /** Metadata and insights: 1, 2, 3, 6 or 12 months, or for the duration of the contract. */
    public static final Set<RetentionPeriod> FOR_METADATA_AND_INSIGHTS = EnumSet.allOf(RetentionPeriod.class);

    /** Reads {@code value} for the setting {@code what}, which allows only {@code allowed}. */
    public static RetentionPeriod parse(String what, String value, Set<RetentionPeriod> allowed) {
        RetentionPeriod period = Arrays.stream(values()).filter(p -> p.name().equalsIgnoreCase(value))
                .findFirst().orElse(null);
        if (period == null || !allowed.contains(period)) {
            throw new InvalidValueException("Retention for " + what + " must be one of " + names(allowed)
                    + ", not '" + value + "'.");
        }
        return period;
    }

    static String names(Set<RetentionPeriod> periods) {
        return periods.stream().map(Enum::name).collect(Collectors.joining(", "));
    }
}
