package io.callport.server.upload;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How many minutes of audio an upload will add, before the file exists to be probed: the metadata's
 * {@code durationSeconds} when given, else the size at 128 kbit/s (8 kHz 16-bit mono PCM, the usual telephony
 * recording). Compressed recordings hold more minutes per byte, so the size-based figure errs low and never
 * refuses an upload that would fit.
 */
final class MinutesEstimate {
    static final long ASSUMED_BYTES_PER_SECOND = 16_000;

    private MinutesEstimate() {
    }

    static double minutes(long sizeBytes, JsonNode metadata) {
        JsonNode duration = metadata == null ? null : metadata.get("durationSeconds");
        if (duration != null && duration.isNumber() && duration.asDouble() > 0) {
            return duration.asDouble() / 60;
        }
        return sizeBytes / (double) ASSUMED_BYTES_PER_SECOND / 60;
    }
}
