package com.custmaster.console;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in sessions, in memory (a restart signs everybody out). An ID is 32 random bytes from
 * {@link SecureRandom}, a new one at every sign-in (so an ID planted before sign-in is worth
 * nothing); a session ends after the configured idle time. Each session has its own CSRF token.
 */
final class Sessions {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_SESSIONS = 10_000;

    /** One signed-in user; the flash is a message for their next page. */
    static final class Session {
        final String id;
        final String user;
        final String csrfToken;
        private volatile Instant lastSeen;
        private volatile String flash;

        private Session(String id, String user, String csrfToken, Instant lastSeen) {
            this.id = id;
            this.user = user;
            this.csrfToken = csrfToken;
            this.lastSeen = lastSeen;
        }

        void flash(String message) {
            this.flash = message;
        }

        /** The flash message, once. */
        String takeFlash() {
            String message = flash;
            flash = null;
            return message;
        }
    }

    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();
    private final Duration idle;
    private final Clock clock;

    Sessions(Duration idle, Clock clock) {
        this.idle = requireNonNull(idle, "idle is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** A new session for a user who just signed in. */
    Session create(String user) {
        requireNonNull(user, "user is null");
        if (sessions.size() >= MAX_SESSIONS) {
            purge();
        }
        Session session = new Session(randomToken(), user, randomToken(), clock.instant());
        sessions.put(session.id, session);
        return session;
    }

    /** The live session of an ID, its idle time restarted; empty when unknown or expired. */
    Optional<Session> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (session.lastSeen.plus(idle).isBefore(now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        session.lastSeen = now;
        return Optional.of(session);
    }

    void end(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    private void purge() {
        Instant cutoff = clock.instant().minus(idle);
        sessions.values().removeIf(session -> session.lastSeen.isBefore(cutoff));
    }

    /** 32 random bytes, URL-safe Base64. */
    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
