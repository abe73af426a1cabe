package io.callport.ui.common;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Moments as people read them in lists: short date and time to the second, on this computer's clock. */
public final class Times {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT,
            FormatStyle.MEDIUM).withZone(ZoneId.systemDefault());

    private Times() {
    }

    /** The moment, or an empty text for none. */
    public static String describe(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }
}
