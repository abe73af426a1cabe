package io.callport.mapping;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Turns a contact-date cell into an instant. ISO 8601 with an offset is the default and has a hand-written fast
 * path, because the validator parses one date per row and {@link DateTimeFormatter} alone costs more than the
 * rest of a row's checks together.
 */
public abstract sealed class ContactDateFormat {
    public static final String ISO_OFFSET_DATE_TIME = "ISO_OFFSET_DATE_TIME";

    /** The instant a cell means, or null when it does not match the format. */
    public abstract Instant parse(String text);

    /** How the format is described to a person, e.g. in an issue's message. */
    public abstract String describe();

    public static ContactDateFormat of(String dateFormat, String timeZone) {
        if (dateFormat == null || dateFormat.equals(ISO_OFFSET_DATE_TIME)) {
            return new IsoOffset();
        }
        DateTimeFormatter formatter;
        try {
            formatter = DateTimeFormatter.ofPattern(strictYears(dateFormat)).withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The date format '" + dateFormat + "' is not a valid pattern: "
                    + e.getMessage(), e);
        }
        if (hasOffset(dateFormat)) {
            return new Pattern(dateFormat, formatter, null);
        }
        if (timeZone == null || timeZone.isBlank()) {
            throw new IllegalArgumentException("The date format '" + dateFormat
                    + "' has no offset, so the mapping needs a timeZone such as \"UTC\" or \"Europe/Paris\".");
        }
        try {
            return new Pattern(dateFormat, formatter, ZoneId.of(timeZone));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Unknown time zone '" + timeZone + "'.", e);
        }
    }

    /**
     * Strict resolving refuses dates like 31/02 instead of moving them to 28/02, but reads 'yyyy' as a year of an
     * era it is never given; 'uuuu' is the same year without an era.
     */
    private static String strictYears(String pattern) {
        StringBuilder strict = new StringBuilder(pattern.length());
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            quoted ^= c == '\'';
            strict.append(!quoted && c == 'y' ? 'u' : c);
        }
        return strict.toString();
    }

    private static boolean hasOffset(String pattern) {
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && (c == 'X' || c == 'x' || c == 'Z' || c == 'O' || c == 'V' || c == 'z')) {
                return true;
            }
        }
        return false;
    }

    /** {@code 2019-05-03T09:27:23+00:00}, {@code ...Z}, optional fraction; anything unusual goes to the JDK parser. */
    static final class IsoOffset extends ContactDateFormat {
        @Override
        public Instant parse(String text) {
            Instant fast = parseCommonShape(text);
            if (fast != null) {
                return fast;
            }
            try {
                return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        @Override
        public String describe() {
            return "ISO 8601 with an offset, like 2019-05-03T09:27:23+00:00";
        }

        /** yyyy-MM-ddTHH:mm:ss followed by Z or ±HH:MM, nothing else; null for any other shape. */
        private static Instant parseCommonShape(String s) {
            int length = s.length();
            if ((length != 20 && length != 25) || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                    || s.charAt(13) != ':' || s.charAt(16) != ':') {
                return null;
            }
            int year = digits(s, 0, 4);
            int month = digits(s, 5, 2);
            int day = digits(s, 8, 2);
            int hour = digits(s, 11, 2);
            int minute = digits(s, 14, 2);
            int second = digits(s, 17, 2);
            int offsetSeconds;
            if (length == 20) {
                if (s.charAt(19) != 'Z') {
                    return null;
                }
                offsetSeconds = 0;
            } else {
                char sign = s.charAt(19);
                int offsetHours = digits(s, 20, 2);
                int offsetMinutes = digits(s, 23, 2);
                if ((sign != '+' && sign != '-') || s.charAt(22) != ':' || offsetHours < 0 || offsetMinutes < 0
                        || offsetHours > 18 || offsetMinutes > 59) {
                    return null;
                }
                offsetSeconds = (sign == '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
            }
            if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                    || second < 0 || second > 59 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
                return null;
            }
            long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds);
        }

        /** The number written by count ASCII digits at start, or -1 when any of them is not a digit. */
        private static int digits(String s, int start, int count) {
            int value = 0;
            for (int i = start; i < start + count; i++) {
                int digit = s.charAt(i) - '0';
                if (digit < 0 || digit > 9) {
                    return -1;
                }
                value = value * 10 + digit;
            }
            return value;
        }
    }

    /** A customer's own pattern, with an offset in the text or a zone from the mapping. */
    static final class Pattern extends ContactDateFormat {
        private final String pattern;
        private final DateTimeFormatter formatter;
        private final ZoneId zone;

        Pattern(String pattern, DateTimeFormatter formatter, ZoneId zone) {
            this.pattern = pattern;
            this.formatter = formatter;
            this.zone = zone;
        }

        @Override
        public Instant parse(String text) {
            try {
                TemporalAccessor parsed = formatter.parse(text.strip());
                if (zone == null) {
                    return OffsetDateTime.from(parsed).toInstant();
                }
                if (!parsed.isSupported(ChronoField.HOUR_OF_DAY)) {
                    return java.time.LocalDate.from(parsed).atStartOfDay(zone).toInstant();
                }
                return LocalDateTime.from(parsed).atZone(zone).toInstant();
            } catch (DateTimeException e) {
                return null;
            }
        }

        @Override
        public String describe() {
            return zone == null ? pattern : pattern + " in " + zone.getId();
        }
    }
}
