package io.callport.server.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callport.server.store.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class ScheduleTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void everyNMinutesOrHours() {
        Instant now = Instant.parse("2026-02-11T10:07:30Z");

        assertThat(Schedule.parse("every 15 minutes").next(now, PARIS)).isEqualTo(now.plusSeconds(900));
        assertThat(Schedule.parse("Every 2 hours")).isEqualTo(new Schedule.Every(Duration.ofHours(2)));
        assertThat(Schedule.parse("every 90 min").text()).isEqualTo("every 90 minutes");
        assertThat(Schedule.parse("every 120 minutes").text()).isEqualTo("every 2 hours");
        assertThatThrownBy(() -> Schedule.parse("every 0 minutes")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("at most every minute");
    }

    @Test
    void cronRunsAtTheNamedMinutesInTheConnectorsZone() {
        Schedule nightly = Schedule.parse("30 2 * * *");

        // 02:30 in Paris is 01:30 UTC in winter
        assertThat(nightly.next(Instant.parse("2026-02-11T10:00:00Z"), PARIS))
                .isEqualTo(Instant.parse("2026-02-12T01:30:00Z"));
        assertThat(nightly.text()).isEqualTo("30 2 * * *");
    }

    @Test
    void cronFieldsListsRangesStepsAndNames() {
        assertThat(next("*/20 9-17 * * MON-FRI", "2026-02-13T17:45")).isEqualTo("2026-02-16T09:00"); // Fri -> Mon
        assertThat(next("0,30 * * * *", "2026-02-11T10:00")).isEqualTo("2026-02-11T10:30");
        assertThat(next("15 6 1 */3 *", "2026-02-11T00:00")).isEqualTo("2026-04-01T06:15");
        assertThat(next("0 0 * * 0", "2026-02-11T00:00")).isEqualTo("2026-02-15T00:00"); // Sunday as 0
        assertThat(next("0 0 * * 7", "2026-02-11T00:00")).isEqualTo("2026-02-15T00:00"); // and as 7
        assertThat(next("0 12 29 FEB *", "2026-03-01T00:00")).isEqualTo("2028-02-29T12:00");
    }

    @Test
    void whenBothDayFieldsAreRestrictedEitherMatches() {
        // the 13th (a Friday in February 2026) or any Monday
        assertThat(next("0 8 13 * MON", "2026-02-10T00:00")).isEqualTo("2026-02-13T08:00");
        assertThat(next("0 8 13 * MON", "2026-02-13T09:00")).isEqualTo("2026-02-16T08:00");
    }

    @Test
    void invalidCronSaysWhichField() {
        assertThatThrownBy(() -> Schedule.parse("61 * * * *")).isInstanceOf(InvalidValueException.class)
                .hasMessage("The cron expression '61 * * * *' has an invalid minute field: 61 is outside 0-59.");
        assertThatThrownBy(() -> Schedule.parse("* * *")).hasMessageContaining("must have 5 fields")
                .hasMessageContaining("it has 3");
        assertThatThrownBy(() -> Schedule.parse("0 5-2 * * *")).hasMessageContaining("hour field: the range 5-2 "
                + "runs backwards");
        assertThatThrownBy(() -> Schedule.parse("0 0 * FOO *")).hasMessageContaining("month field: 'FOO' is not");
        assertThatThrownBy(() -> Schedule.parse("0 0 31 2 *").next(Instant.EPOCH, PARIS))
                .hasMessageContaining("never runs");
    }

    private static String next(String cron, String localAfter) {
        ZonedDateTime after = java.time.LocalDateTime.parse(localAfter).atZone(ZoneId.of("UTC"));
        return new CronExpression(cron).next(after).toLocalDateTime().toString();
    }
}
