package com.custmaster.config;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret key of pseudonymised outputs ({@code pseudonymise_contacts: true} in pipeline.yml): a
 * contact value becomes a keyed hash (HMAC-SHA256), the same for the same value and key on every
 * night, so BI users can count, join and group on it without seeing it, and nobody without the key
 * can test a guess ("is zhang.wei@example.com in there?") as they could against a plain hash. The
 * key comes from an environment variable only, never from conf/, and never shows in a log or a
 * {@code toString}.
 */
public final class PseudonymKey {

    /** Shortest key accepted: a short key could be found by trying keys. */
    public static final int MIN_LENGTH = 16;
    private static final String ALGORITHM = "HmacSHA256";
    /** Hex characters kept of the 64: 96 bits, no collisions among any real number of customers. */
    private static final int PSEUDONYM_LENGTH = 24;

    private final SecretKeySpec key;

    private PseudonymKey(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /**
     * @throws IllegalArgumentException when the secret is shorter than {@value #MIN_LENGTH} characters
     *         (the message does not repeat it)
     */
    public static PseudonymKey of(String secret) {
        requireNonNull(secret, "secret is null");
        if (secret.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("the pseudonym key must have at least " + MIN_LENGTH + " characters");
        }
        return new PseudonymKey(secret);
    }

    /** {@code field}'s value as a pseudonym such as {@code p_3f9a…} (null stays null). */
    public String pseudonym(String field, String value) {
        requireNonNull(field, "field is null");
        if (value == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal((field + '\u0000' + value).getBytes(StandardCharsets.UTF_8));
            return "p_" + HexFormat.of().formatHex(digest).substring(0, PSEUDONYM_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "PseudonymKey[***]";
    }
}
