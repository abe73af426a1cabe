package io.callport.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock tests move on by hand, either stopped between moves or running with the real time. */
public final class MutableClock extends Clock {
    private final Clock base;
    private volatile Duration moved = Duration.ZERO;

    private MutableClock(Clock base) {
        this.base = base;
    }

    /** Stopped at {@code start}. */
    public MutableClock(Instant start) {
        this(Clock.fixed(start, ZoneOffset.UTC));
    }

    /** Stopped at the real time it was made. */
    public MutableClock() {
        this(Instant.now());
    }

    /** The real time, moved on by hand: time keeps passing (so queued work falls due), and a test can jump days. */
    public static MutableClock running() {
        return new MutableClock(Clock.systemUTC());
    }

    public void advance(Duration duration) {
        moved = moved.plus(duration);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(moved);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
