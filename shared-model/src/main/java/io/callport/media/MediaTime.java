package io.callport.media;

import java.time.Duration;
import java.util.Locale;

/** Turns a container's time units into a {@link Duration} without floating-point drift. */
final class MediaTime {

    /** Rates up to this keep {@code remainder * 1e9} inside a long; every real container's rate is far below. */
    private static final long EXACT_RATE_LIMIT = Long.MAX_VALUE / 1_000_000_000L;

    private MediaTime() {
    }

    /** {@code units / unitsPerSecond} seconds, exact to the nanosecond; zero for a nonsensical rate. */
    static Duration of(long units, long unitsPerSecond) {
        if (unitsPerSecond <= 0 || units <= 0) {
            return Duration.ZERO;
        }
        long remainder = units % unitsPerSecond;
        long nanos = unitsPerSecond <= EXACT_RATE_LIMIT
                ? remainder * 1_000_000_000L / unitsPerSecond
                : (long) ((double) remainder / unitsPerSecond * 1e9);
        return Duration.ofSeconds(units / unitsPerSecond, nanos);
    }

    static Duration ofSeconds(double seconds) {
        return seconds <= 0 || Double.isNaN(seconds) ? Duration.ZERO : Duration.ofNanos(Math.round(seconds * 1e9));
    }

    /** "12.2 seconds" / "1 h 02 min": a length for an admin to read. */
    static String describe(Duration duration) {
        if (duration.compareTo(Duration.ofMinutes(1)) < 0) {
            return String.format(Locale.ROOT, "%.1f seconds", duration.toMillis() / 1000.0);
        }
        if (duration.compareTo(Duration.ofHours(1)) < 0) {
            return String.format(Locale.ROOT, "%d min %02d s", duration.toMinutes(), duration.toSecondsPart());
        }
        return String.format(Locale.ROOT, "%d h %02d min", duration.toHours(), duration.toMinutesPart());
    }
}
