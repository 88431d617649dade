package com.custmaster.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Failed sign-ins for a name: a few are free, then the wait doubles up to a cap; a success clears it. */
class SignInThrottleTest {

    private final SessionsTest.MutableClock clock = new SessionsTest.MutableClock();
    private final SignInThrottle throttle = new SignInThrottle(clock);

    @Test
    void theFirstFailuresAreFreeThenTheWaitDoublesUpToTheCap() {
        for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
            throttle.failed("alice");
            assertThat(throttle.wait("alice")).isZero();
        }

        throttle.failed("alice");
        assertThat(throttle.wait("alice")).isEqualTo(Duration.ofSeconds(1));
        throttle.failed("alice");
        assertThat(throttle.wait("Alice")).as("names count case-insensitively").isEqualTo(Duration.ofSeconds(2));
        for (int i = 0; i < 20; i++) {
            throttle.failed("alice");
        }
        assertThat(throttle.wait("alice")).isEqualTo(SignInThrottle.MAX_WAIT);
        assertThat(throttle.wait("bob")).as("another name is not slowed").isZero();

        clock.advance(SignInThrottle.MAX_WAIT);
        assertThat(throttle.wait("alice")).isZero();
    }

    @Test
    void aSuccessfulSignInClearsTheCount() {
        for (int i = 0; i < SignInThrottle.FREE_FAILURES + 1; i++) {
            throttle.failed("alice");
        }
        clock.advance(Duration.ofSeconds(1));

        throttle.succeeded("alice");
        throttle.failed("alice");

        assertThat(throttle.wait("alice")).isZero();
    }
}
