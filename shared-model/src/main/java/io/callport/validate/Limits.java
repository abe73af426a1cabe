package io.callport.validate;

import java.time.Duration;

/** The limits Callport promises its users, in one place; the reference documents set most of them. */
public final class Limits {
    /** Largest recording accepted. */
    public static final long MAX_MEDIA_BYTES = 2L * 1024 * 1024 * 1024;
    /** Largest zip accepted. */
    public static final long MAX_ZIP_BYTES = 3L * 1024 * 1024 * 1024;
    /** Largest total a zip may expand to: recordings barely compress, so twice the zip limit is generous. */
    public static final long MAX_ZIP_EXPANDED_BYTES = 2 * MAX_ZIP_BYTES;
    /** Most entries a zip may hold; guards the central directory against entry-count bombs. */
    public static final int MAX_ZIP_ENTRIES = 100_000;
    /** Rows the server processes in one part; larger metadata files are split. */
    public static final int CSV_SPLIT_ROWS = 10_000;
    /** How far back a row looks for its recording, and how long a recording waits for its row. */
    public static final Duration ASSOCIATION_LOOKBACK = Duration.ofDays(30);
    /** Metadata updates for a call are accepted until this long after the call's time. */
    public static final Duration METADATA_UPDATE_WINDOW = Duration.ofHours(48);
    /** Files are purged from the SFTP area this long after processing. */
    public static final Duration SFTP_PURGE_AFTER = Duration.ofDays(7);
    /** Contact dates this far ahead of the clock are tolerated as clock skew between machines. */
    public static final Duration FUTURE_DATE_TOLERANCE = Duration.ofMinutes(5);

    private Limits() {
    }
}
