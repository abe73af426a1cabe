package io.callport.server.pull;

import io.callport.server.store.InvalidValueException;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * A five-field cron expression: minute, hour, day of month, month, day of week (0 or 7 is Sunday), each {@code *},
 * a number, a range {@code a-b}, a step {@code a-b/n} or {@code *}{@code /n}, or a comma list of those; months and days
 * may be named ({@code JAN}, {@code MON}). As in Vixie cron, when both day fields are restricted a day matching
 * either one runs.
 */
public record CronExpression(String text) {
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
            "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    /** Far enough for any real expression (29 February on a Monday recurs within 28 years). */
    private static final int SEARCH_YEARS = 30;

    public CronExpression {
        text = text.strip().replaceAll("\\s+", " ");
        fields(text);
    }

    /** The first minute strictly after {@code after} that the expression names, in {@code after}'s zone. */
    public ZonedDateTime next(ZonedDateTime after) {
        Fields f = fields(text);
        ZonedDateTime t = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        ZonedDateTime limit = after.plusYears(SEARCH_YEARS);
        while (t.isBefore(limit)) {
            if (!f.months.get(t.getMonthValue())) {
                t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
            } else if (!f.dayMatches(t)) {
                t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
            } else if (!f.hours.get(t.getHour())) {
                t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else if (!f.minutes.get(t.getMinute())) {
                t = t.plusMinutes(1);
            } else {
                return t;
            }
        }
        throw new InvalidValueException("The cron expression '" + text + "' never runs.");
    }

    private record Fields(BitSet minutes, BitSet hours, BitSet daysOfMonth, BitSet months, BitSet daysOfWeek,
                          boolean dayOfMonthRestricted, boolean dayOfWeekRestricted) {
        boolean dayMatches(ZonedDateTime t) {
            boolean dom = daysOfMonth.get(t.getDayOfMonth());
            boolean dow = daysOfWeek.get(t.getDayOfWeek().getValue() % 7);
            if (dayOfMonthRestricted && dayOfWeekRestricted) {
                return dom || dow;
            }
            return dom && dow;
        }
    }

    private static Fields fields(String text) {
        String[] parts = text.split(" ");
        if (parts.length != 5) {
            throw new InvalidValueException("The cron expression '" + text + "' must have 5 fields (minute hour "
                    + "day-of-month month day-of-week), e.g. '0 */2 * * *'; it has " + parts.length + ".");
        }
        BitSet daysOfWeek = field(text, parts[4], "day of week", 0, 7, DAYS);
        if (daysOfWeek.get(7)) {
            daysOfWeek.set(0);
        }
        return new Fields(field(text, parts[0], "minute", 0, 59, List.of()), field(text, parts[1], "hour", 0, 23,
                List.of()), field(text, parts[2], "day of month", 1, 31, List.of()),
                field(text, parts[3], "month", 1, 12, MONTHS), daysOfWeek,
                !parts[2].equals("*"), !parts[4].equals("*"));
    }

    private static BitSet field(String text, String field, String name, int min, int max, List<String> names) {
        BitSet values = new BitSet(max + 1);
        for (String item : field.split(",", -1)) {
            String range = item;
            int step = 1;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                range = item.substring(0, slash);
                step = number(text, item.substring(slash + 1), name, 1, max, List.of(), 0);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.indexOf('-') > 0) {
                int dash = range.indexOf('-');
                from = number(text, range.substring(0, dash), name, min, max, names, min);
                to = number(text, range.substring(dash + 1), name, min, max, names, min);
                if (to < from) {
                    throw invalid(text, name, "the range " + range + " runs backwards");
                }
            } else {
                from = number(text, range, name, min, max, names, min);
                to = slash >= 0 ? max : from;
            }
            for (int v = from; v <= to; v += step) {
                values.set(v);
            }
        }
        return values;
    }

    private static int number(String text, String token, String name, int min, int max, List<String> names,
                              int nameOffset) {
        int named = names.indexOf(token.toUpperCase(Locale.ROOT));
        if (named >= 0) {
            return named + nameOffset;
        }
        try {
            int value = Integer.parseInt(token);
            if (value < min || value > max) {
                throw invalid(text, name, token + " is outside " + min + "-" + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw invalid(text, name, "'" + token + "' is not a number");
        }
    }

    private static InvalidValueException invalid(String text, String name, String why) {
        return new InvalidValueException("The cron expression '" + text + "' has an invalid " + name + " field: "
                + why + ".");
    }

    @Override
    public String toString() {
        return text;
    }
}
