package io.callport.server.sftp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per remote address in a sliding window; an address that reaches the limit is refused, even
 * with a good key, until its failures age out of the window. Refused attempts are not counted, so a locked
 * address is free again one window after its last counted failure.
 */
final class LoginThrottle {
    /** Addresses tracked before quiet ones are forgotten, so a spray of addresses cannot grow memory forever. */
    private static final int MAX_TRACKED_ADDRESSES = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    boolean isLocked(String address) {
        Deque<Instant> recent = failures.computeIfPresent(address, (key, times) -> pruned(times));
        return recent != null && recent.size() >= maxFailures;
    }

    void failed(String address) {
        if (failures.size() >= MAX_TRACKED_ADDRESSES) {
            failures.keySet().forEach(quiet ->
                    failures.computeIfPresent(quiet, (key, times) -> pruned(times).isEmpty() ? null : times));
        }
        failures.compute(address, (key, times) -> {
            Deque<Instant> recent = times == null ? new ArrayDeque<>() : pruned(times);
            recent.addLast(clock.instant());
            return recent;
        });
    }

    private Deque<Instant> pruned(Deque<Instant> times) {
        Instant cutoff = clock.instant().minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
            times.removeFirst();
        }
        return times;
    }
}
