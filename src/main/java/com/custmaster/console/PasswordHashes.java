package com.custmaster.console;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes for the console's users, with the JDK's PBKDF2WithHmacSHA256 only (no new
 * dependency), written {@code pbkdf2-sha256$ITERATIONS$SALT$HASH} (Base64). The iteration count is
 * OWASP's 2023 floor for this function; a hash with fewer is refused rather than accepted weakly.
 * Comparison is constant-time, so the time a wrong password takes says nothing about the right one.
 */
public final class PasswordHashes {

    public static final String PREFIX = "pbkdf2-sha256";
    public static final int MIN_ITERATIONS = 210_000;
    /** Shorter passwords are refused by {@link #hash}. */
    public static final int MIN_PASSWORD_LENGTH = 12;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Checked against when the user is unknown, so that an unknown name costs as much time as a known one. */
    private static final String DECOY = hash("decoy-password-never-valid".toCharArray());

    private PasswordHashes() {
    }

    /** A new hash of the password with a random salt. */
    public static String hash(char[] password) {
        requireNonNull(password, "password is null");
        if (password.length < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("a password needs at least " + MIN_PASSWORD_LENGTH + " characters ("
                    + password.length + " given)");
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(password, salt, MIN_ITERATIONS, HASH_BITS);
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + MIN_ITERATIONS + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    /**
     * True when the password is the one hashed.
     *
     * @throws IllegalArgumentException when {@code stored} is not a hash of this form or uses too few iterations
     */
    public static boolean matches(char[] password, String stored) {
        requireNonNull(password, "password is null");
        Parsed parsed = parse(stored);
        byte[] candidate = derive(password, parsed.salt(), parsed.iterations(), parsed.hash().length * 8);
        return MessageDigest.isEqual(candidate, parsed.hash());
    }

    /** Spends the time of one check without any result: for a sign-in under an unknown name. */
    static void checkDecoy(char[] password) {
        matches(password, DECOY);
    }

    /** Checks a configured hash up front, so that a bad one stops the start rather than every sign-in. */
    public static void validate(String stored) {
        parse(stored);
    }

    private record Parsed(int iterations, byte[] salt, byte[] hash) {
    }

    private static Parsed parse(String stored) {
        requireNonNull(stored, "stored is null");
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            throw new IllegalArgumentException("not a password hash of the form " + PREFIX + "$ITERATIONS$SALT$HASH");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the iteration count of a password hash is not a number");
        }
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("a password hash needs at least " + MIN_ITERATIONS + " iterations ("
                    + iterations + " given): make a new one with 'custmaster console hash-password'");
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] hash = Base64.getDecoder().decode(parts[3]);
            if (salt.length < 8 || hash.length < 16) {
                throw new IllegalArgumentException("the salt or hash of a password hash is too short");
            }
            return new Parsed(iterations, salt, hash);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a password hash is not valid Base64: " + e.getMessage());
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int bits) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bits);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Constant-time equality of two texts (tokens, session IDs). */
    static boolean sameText(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** Clears a password once used. */
    static void wipe(char[] password) {
        Arrays.fill(password, '\0');
    }
}
