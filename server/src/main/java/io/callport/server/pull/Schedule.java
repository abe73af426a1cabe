package io.callport.server.pull;

import io.callport.server.store.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** When a connector runs: every N minutes or hours, or at the minutes a cron expression names. */
public sealed interface Schedule {
    Duration SHORTEST_INTERVAL = Duration.ofMinutes(1);
    Schedule DEFAULT = new Every(Duration.ofMinutes(15));

    /** The next run strictly after {@code after}; cron fields are read in {@code zone}. */
    Instant next(Instant after, ZoneId zone);

    /** The text {@link #parse} reads back, e.g. {@code every 15 minutes} or {@code 0 2 * * *}. */
    String text();

    /** Reads {@code every N minutes}, {@code every N hours} or a five-field cron expression. */
    static Schedule parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("A schedule is needed: 'every 15 minutes', 'every 2 hours' or a cron "
                    + "expression such as '0 2 * * *'.");
        }
        Matcher every = Every.TEXT.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (every.matches()) {
            long amount = Long.parseLong(every.group(1));
            return new Every(every.group(2).startsWith("h") ? Duration.ofHours(amount) : Duration.ofMinutes(amount));
        }
        return new Cron(new CronExpression(text));
    }

    record Every(Duration interval) implements Schedule {
        private static final Pattern TEXT = Pattern.compile("every\\s+(\\d{1,6})\\s*(minutes?|min|m|hours?|h)");

        public Every {
            if (interval.compareTo(SHORTEST_INTERVAL) < 0) {
                throw new InvalidValueException("A connector runs at most every minute, not every "
                        + interval.toSeconds() + " seconds.");
            }
        }

        @Override
        public Instant next(Instant after, ZoneId zone) {
            return after.plus(interval);
        }

        @Override
        public String text() {
            return interval.toMinutes() % 60 == 0 ? "every " + interval.toHours() + " hours"
                    : "every " + interval.toMinutes() + " minutes";
        }
    }

    record Cron(CronExpression expression) implements Schedule {
        @Override
        public Instant next(Instant after, ZoneId zone) {
            return expression.next(after.atZone(zone)).toInstant();
        }

        @Override
        public String text() {
            return expression.text();
        }
    }
}
