package io.callport.media;

import io.callport.validate.Severity;

import java.time.Duration;
import java.util.Locale;

/**
 * A file that ends before its own structure says it should.
 *
 * @param severity ERROR when the header declares the recording's total length, WARNING when only the last
 *                 frame or page is cut (see {@code docs/media-formats.md} for why)
 * @param detail   what falls short, as a phrase following the file's name ("is cut off: ...")
 */
record Truncation(Severity severity, String detail) {

    /**
     * The header declares how long the recording is, and the bytes stop well short of it. Recorders write that
     * length when they finish, so the recording was complete and bytes were lost later: in a copy or an upload.
     */
    static Truncation ofDeclaredLength(String what, long declaredBytes, Duration declaredDuration,
                                       long presentBytes) {
        return new Truncation(Severity.ERROR, String.format(Locale.ROOT,
                "is cut off: %s declares %,d bytes of audio (%s) but the file holds only %,d",
                what, declaredBytes, MediaTime.describe(declaredDuration), presentBytes));
    }

    /** Like {@link #ofDeclaredLength} for containers that state a sample count rather than a byte count. */
    static Truncation ofDeclaredDuration(String what, Duration declared, Duration present) {
        return new Truncation(Severity.ERROR, String.format(Locale.ROOT,
                "is cut off: %s declares %s of audio but the file holds only %s",
                what, MediaTime.describe(declared), MediaTime.describe(present)));
    }

    /** Nothing declares the total; the last frame or page is incomplete and everything before it plays. */
    static Truncation ofLastUnit(String unit, long declaredBytes, long presentBytes) {
        return new Truncation(Severity.WARNING, String.format(Locale.ROOT,
                "ends in the middle of its last %s (%,d of %,d bytes)", unit, presentBytes, declaredBytes));
    }
}
