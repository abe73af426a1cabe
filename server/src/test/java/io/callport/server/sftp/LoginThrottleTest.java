package io.callport.server.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private Instant now = Instant.parse("2026-11-02T08:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(15), new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    });

    @Test
    void addressIsLockedAtTheLimitUntilItsFailuresAgeOut() {
        throttle.failed("10.0.0.1");
        now = now.plus(Duration.ofMinutes(10));
        throttle.failed("10.0.0.1");
        assertThat(throttle.isLocked("10.0.0.1")).isFalse();
        throttle.failed("10.0.0.1");
        assertThat(throttle.isLocked("10.0.0.1")).isTrue();
        assertThat(throttle.isLocked("10.0.0.2")).as("other addresses are not affected").isFalse();

        now = now.plus(Duration.ofMinutes(5));
        assertThat(throttle.isLocked("10.0.0.1")).as("the first failure aged out").isFalse();
    }
}
