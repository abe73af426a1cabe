package io.callport.ui.mapping;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Instants as the person reads them: the date and time in their locale's style, with the zone they are in. */
final class DateTexts {
    private DateTexts() {
    }

    /** The instant in a zone, UTC when the zone is null. */
    static String format(Instant instant, String zone) {
        ZoneId shownIn = ZoneId.of(zone == null ? "UTC" : zone);
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withZone(shownIn).format(instant) + " "
                + shownIn.getId();
    }
}
