package io.callport.ui.common;

import java.time.Duration;

/** Lengths of time as people read them: 45 s, 3 min 20 s, 1 h 5 min. */
public final class Durations {
    private Durations() {
    }

    public static String describe(Duration duration) {
        long seconds = Math.max(0, (duration.toMillis() + 999) / 1000);
        if (seconds < 60) {
            return Messages.format("duration.seconds", seconds);
        }
        if (seconds < 3600) {
            return Messages.format("duration.minutes", seconds / 60, seconds % 60);
        }
        return Messages.format("duration.hours", seconds / 3600, seconds % 3600 / 60);
    }
}
