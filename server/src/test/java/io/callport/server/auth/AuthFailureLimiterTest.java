package io.callport.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AuthFailureLimiterTest {
    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final AuthFailureLimiter limiter = new AuthFailureLimiter(3, Duration.ofSeconds(60), clock);

    @Test
    void anAddressIsRefusedUntilItsWindowEnds() {
        for (int i = 0; i < 3; i++) {
            limiter.checkAllowed("10.0.0.1");
            limiter.recordFailure("10.0.0.1");
        }
        clock.now = clock.now.plusSeconds(20);

        assertThatThrownBy(() -> limiter.checkAllowed("10.0.0.1")).isInstanceOf(TooManyFailuresException.class)
                .satisfies(e -> assertThat(((TooManyFailuresException) e).retryAfterSeconds()).isEqualTo(41));
        limiter.checkAllowed("10.0.0.2");

        clock.now = clock.now.plusSeconds(40);
        limiter.checkAllowed("10.0.0.1");
    }

    @Test
    void failuresInAnOldWindowDoNotCount() {
        limiter.recordFailure("10.0.0.1");
        limiter.recordFailure("10.0.0.1");
        clock.now = clock.now.plusSeconds(61);
        limiter.recordFailure("10.0.0.1");
        limiter.recordFailure("10.0.0.1");

        limiter.checkAllowed("10.0.0.1");
        limiter.recordFailure("10.0.0.1");
        assertThatThrownBy(() -> limiter.checkAllowed("10.0.0.1")).isInstanceOf(TooManyFailuresException.class);
    }
}
