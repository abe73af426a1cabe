package io.callport.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed authentications per remote address in fixed windows; past the limit, the address is refused
 * until its window ends, whatever key it presents. Behind a reverse proxy every client shares the proxy's address.
 */
public final class AuthFailureLimiter {
    public static final int DEFAULT_MAX_FAILURES = 10;
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);
    /** Expired windows are swept once the map holds this many addresses, bounding memory under a spray attack. */
    private static final int SWEEP_THRESHOLD = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private record Window(Instant start, int failures) {
    }

    public AuthFailureLimiter(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** Throws {@link TooManyFailuresException} when the address has used up its failures for now. */
    public void checkAllowed(String address) {
        Window current = windows.get(address);
        Instant now = clock.instant();
        if (current != null && current.failures() >= maxFailures && !expired(current, now)) {
            long secondsLeft = Duration.between(now, current.start().plus(window)).toSeconds() + 1;
            throw new TooManyFailuresException(secondsLeft);
        }
    }

    public void recordFailure(String address) {
        Instant now = clock.instant();
        windows.merge(address, new Window(now, 1), (old, fresh) ->
                expired(old, now) ? fresh : new Window(old.start(), old.failures() + 1));
        if (windows.size() > SWEEP_THRESHOLD) {
            windows.values().removeIf(w -> expired(w, now));
        }
    }

    private boolean expired(Window w, Instant now) {
        return !now.isBefore(w.start().plus(window));
    }
}
