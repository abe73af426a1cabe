package io.callport.service.upload;

import java.time.Duration;

/**
 * How often a file is tried and how long to wait in between: the wait doubles after each failure, from
 * {@code firstDelay} up to {@code longestDelay}, or is what the server asked for when it said (Retry-After).
 *
 * @param attempts how many tries in a row that get no further into a file are made before it is given up
 */
public record RetryPolicy(int attempts, Duration firstDelay, Duration longestDelay) {
    /** About four minutes of trying: 1, 2, 4, 8, 16, 32, 60, 60, 60 seconds apart. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(60));

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("A file is tried at least once.");
        }
    }

    /** The wait after the given failed attempt (1 for the first). */
    public Duration delayAfter(int failedAttempt, Duration askedFor) {
        long factor = 1L << Math.min(30, failedAttempt - 1);
        Duration doubled = firstDelay.multipliedBy(factor);
        Duration delay = doubled.compareTo(longestDelay) > 0 ? longestDelay : doubled;
        return askedFor != null && askedFor.compareTo(delay) > 0 ? askedFor : delay;
    }
}
