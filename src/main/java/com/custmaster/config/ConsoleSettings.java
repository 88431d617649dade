package com.custmaster.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How the steward web console is served and who may sign in to it, from {@code conf/console.yml}
 * and the environment ({@link ConsoleSettingsReader}). There is no default user and no default
 * password: an installation without users cannot start the console.
 *
 * @param bindAddress the address the console listens on; the loopback address unless someone chose otherwise
 * @param port the TCP port; 0 picks a free one (tests)
 * @param sessionIdle how long a signed-in session lasts without a request
 * @param users who may sign in, each name once
 */
public record ConsoleSettings(String bindAddress, int port, Duration sessionIdle, List<User> users) {

    public static final String BIND_ADDRESS_DEFAULT = "127.0.0.1";
    public static final int PORT_DEFAULT = 8089;
    public static final Duration SESSION_IDLE_DEFAULT = Duration.ofMinutes(30);
    /** Served on the loopback address only, with nobody allowed in until users are configured. */
    public static final ConsoleSettings DEFAULT = new ConsoleSettings(BIND_ADDRESS_DEFAULT, PORT_DEFAULT,
            SESSION_IDLE_DEFAULT, List.of());

    public ConsoleSettings {
        requireNonNull(bindAddress, "bindAddress is null");
        requireNonNull(sessionIdle, "sessionIdle is null");
        if (bindAddress.isBlank()) {
            throw new IllegalArgumentException("bindAddress is blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
        }
        if (sessionIdle.isNegative() || sessionIdle.isZero()) {
            throw new IllegalArgumentException("sessionIdle must be positive: " + sessionIdle);
        }
        users = List.copyOf(users);
        if (users.stream().map(User::name).distinct().count() != users.size()) {
            throw new IllegalArgumentException("a user is named twice");
        }
    }

    /** The same settings on another port (the command line's {@code --port}). */
    public ConsoleSettings withPort(int otherPort) {
        return new ConsoleSettings(bindAddress, otherPort, sessionIdle, users);
    }

    /**
     * One person who may sign in. Only a hash of the password is configured (made by
     * {@code custmaster console hash-password}); the name becomes the actor of every action they take.
     *
     * @param passwordHash {@code pbkdf2-sha256$ITERATIONS$SALT$HASH}, salt and hash in Base64
     */
    public record User(String name, String passwordHash) {

        /** Names that read well in the audit and cannot pass for the nightly. */
        public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
        /** The form of a hash; the console checks the iteration count and the Base64 itself. */
        public static final Pattern HASH = Pattern.compile("pbkdf2-sha256\\$[0-9]{1,9}\\$[A-Za-z0-9+/]+=*\\$[A-Za-z0-9+/]+=*");

        public User {
            requireNonNull(name, "name is null");
            requireNonNull(passwordHash, "passwordHash is null");
            if (!NAME.matcher(name).matches() || name.equals("nightly-match")) {
                throw new IllegalArgumentException("not a valid user name: '" + name + "' (letters, digits and . _ @ -, at "
                        + "most 64, not nightly-match)");
            }
            if (!HASH.matcher(passwordHash).matches()) {
                throw new IllegalArgumentException("the password hash of " + name + " is not of the form "
                        + "pbkdf2-sha256$ITERATIONS$SALT$HASH (make one with 'custmaster console hash-password')");
            }
        }

        /** Never the hash: settings get logged and printed in errors. */
        @Override
        public String toString() {
            return "User[" + name + "]";
        }
    }
}
