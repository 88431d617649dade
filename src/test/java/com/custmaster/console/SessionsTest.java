package com.custmaster.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Sessions end after the idle time, each request restarts it, and IDs and tokens are long and fresh. */
class SessionsTest {

    private final MutableClock clock = new MutableClock();
    private final Sessions sessions = new Sessions(Duration.ofMinutes(30), clock);

    @Test
    void aSessionEndsAfterTheIdleTimeAndEachRequestRestartsIt() {
        Sessions.Session session = sessions.create("alice");

        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.find(session.id)).containsSame(session);
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.find(session.id)).as("used 29 minutes ago").containsSame(session);
        clock.advance(Duration.ofMinutes(31));
        assertThat(sessions.find(session.id)).isEmpty();
    }

    @Test
    void anEndedOrUnknownSessionIsNoSession() {
        Sessions.Session session = sessions.create("alice");

        sessions.end(session.id);

        assertThat(sessions.find(session.id)).isEmpty();
        assertThat(sessions.find("guessed")).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
    }

    @Test
    void idsAndTokensAre32RandomBytesNeverRepeated() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            Sessions.Session session = sessions.create("alice");
            assertThat(session.id).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(session.csrfToken);
            assertThat(seen.add(session.id)).isTrue();
            assertThat(seen.add(session.csrfToken)).isTrue();
        }
    }

    @Test
    void aFlashIsShownOnce() {
        Sessions.Session session = sessions.create("alice");

        session.flash("Recorded #1");

        assertThat(session.takeFlash()).isEqualTo("Recorded #1");
        assertThat(session.takeFlash()).isNull();
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

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
    }
}
