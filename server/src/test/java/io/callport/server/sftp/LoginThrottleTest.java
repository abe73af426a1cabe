package io.callport.server.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import io.callport.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T08:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(15), clock);

    @Test
    void addressIsLockedAtTheLimitUntilItsFailuresAgeOut() {
        throttle.failed("10.0.0.1");
        clock.advance(Duration.ofMinutes(10));
        throttle.failed("10.0.0.1");
        assertThat(throttle.isLocked("10.0.0.1")).isFalse();
        throttle.failed("10.0.0.1");
        assertThat(throttle.isLocked("10.0.0.1")).isTrue();
        assertThat(throttle.isLocked("10.0.0.2")).as("other addresses are not affected").isFalse();

        clock.advance(Duration.ofMinutes(5));
        assertThat(throttle.isLocked("10.0.0.1")).as("the first failure aged out").isFalse();
    }
}
